import { useEffect, useState } from 'react';

/**
 * The service-radius field (metres). Typing is free (a half-typed "8" is kept on screen); the
 * radius changes as soon as the text is a whole number within [min, max]; leaving the field with
 * anything else restores the last valid value.
 */
export function RadiusInput({ value, min, max, onChange }: { value: number; min: number; max: number; onChange: (v: number) => void }) {
  const [draft, setDraft] = useState(String(value));
  useEffect(() => {
    setDraft(String(value));
  }, [value]);
  const valid = (s: string) => /^\d+$/.test(s.trim()) && Number(s) >= min && Number(s) <= max;
  return (
    <input type="number" min={min} max={max} step={50} value={draft} data-testid="radius-input" aria-invalid={!valid(draft)}
      onChange={(e) => {
        setDraft(e.target.value);
        if (valid(e.target.value)) onChange(Number(e.target.value));
      }}
      onBlur={() => setDraft(String(value))} />
  );
}
