import { useId, useState } from 'react';
import { ORGANISATION_MAX_CHARS, useOrganisation, useSaveOrganisation } from '../../api/organisation';

/** The organisation's name, as the header of every page shows it: set once, kept in this browser. */
export function OrganisationForm() {
  const title = useId();
  const organisation = useOrganisation();
  const save = useSaveOrganisation();
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <section aria-labelledby={title}>
      <h3 id={title}>Your organisation</h3>
      {organisation.isError ? (
        <p role="alert" className="error">
          {organisation.error.message}
        </p>
      ) : organisation.data === undefined ? (
        <p role="status">Loading…</p>
      ) : (
        <NameForm
          key={organisation.data}
          current={organisation.data}
          saving={save.isPending}
          onSave={(name) => save.mutate(name, { onSuccess: (kept) => setSaved(kept) })}
          onEdit={() => setSaved(null)}
        />
      )}
      {saved !== null && (
        <p role="status" className="note">
          Saved: the header of every page names {saved}.
        </p>
      )}
      {save.error && (
        <p role="alert" className="error">
          {save.error.message}
        </p>
      )}
    </section>
  );
}

function NameForm({
  current,
  saving,
  onSave,
  onEdit,
}: {
  current: string;
  saving: boolean;
  onSave: (name: string) => void;
  onEdit: () => void;
}) {
  const id = useId();
  const [name, setName] = useState(current);
  return (
    <form
      className="choices"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(name);
      }}
    >
      <label htmlFor={id}>Organisation name, as every page&rsquo;s header shows it</label>
      <input
        id={id}
        value={name}
        size={60}
        maxLength={ORGANISATION_MAX_CHARS}
        onChange={(e) => {
          setName(e.target.value);
          onEdit();
        }}
      />
      <button type="submit" disabled={saving}>
        Save the name
      </button>
    </form>
  );
}
