'use client';

import { selectEngineAction } from '../engines/actions';

/** The header's engine picker: choosing one sets it as this browser's engine and opens its dashboard. */
export function EngineSwitcher({ engines, current }: { engines: Array<{ id: number; name: string }>; current: number }) {
  const action = selectEngineAction.bind(null, null);
  return (
    <form action={action} className="engine-switcher">
      <label>
        Engine{' '}
        <select name="engine" defaultValue={engines.find((e) => e.id === current)?.name} onChange={(e) => e.currentTarget.form?.requestSubmit()}>
          {engines.map((e) => (
            <option key={e.id} value={e.name}>
              {e.name}
            </option>
          ))}
        </select>
      </label>
      <noscript>
        <button type="submit">Switch</button>
      </noscript>
    </form>
  );
}
