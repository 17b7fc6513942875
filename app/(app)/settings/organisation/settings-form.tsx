'use client';

import { useActionState } from 'react';

import type { OrganisationSettings } from '@/lib/methodology/organisation-settings';

import { saveOrganisationSettings, type SettingsFormState } from './actions';

const initial: SettingsFormState = { ok: false, message: null };

export function OrganisationSettingsForm({ settings }: { settings: OrganisationSettings }) {
  const [state, action, pending] = useActionState(saveOrganisationSettings, initial);
  const error = (field: string) => state.fieldErrors?.[field];

  return (
    <form action={action} className="settings-form">
      <label>
        Reporting time zone
        <input
          name="timeZone"
          defaultValue={settings.timeZone}
          required
          aria-invalid={!!error('timeZone')}
        />
        {error('timeZone') && <span className="field-error">{error('timeZone')}</span>}
      </label>
      <label>
        Default PUE (when an event and its cloud say nothing)
        <input
          name="defaultPue"
          type="number"
          step="0.001"
          min="1"
          max="3"
          defaultValue={settings.defaultPue}
          required
          aria-invalid={!!error('defaultPue')}
        />
        {error('defaultPue') && <span className="field-error">{error('defaultPue')}</span>}
      </label>
      <label>
        <input
          name="autoCreateEntities"
          type="checkbox"
          defaultChecked={settings.autoCreateEntities}
        />{' '}
        Create teams, models and pipelines that incoming events name but that do not exist yet
      </label>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
      <p role="status" className={state.ok ? 'muted' : 'field-error'}>
        {state.message}
      </p>
    </form>
  );
}
