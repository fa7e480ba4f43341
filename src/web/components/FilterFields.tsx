import { useEffect, useId, useRef, useState, type ChangeEvent, type KeyboardEvent, type ReactNode } from 'react';

/** How long typing must pause before the search goes to the URL (and so to the API). */
const SEARCH_DEBOUNCE_MS = 250;

/**
 * The search box. It keeps what the reader types locally and writes it to the URL after a pause,
 * so each keystroke neither fires a request nor adds to the browser history.
 */
export function SearchField({
  id,
  label,
  hint,
  value,
  onCommit,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onCommit: (text: string) => void;
}) {
  const [text, setText] = useState(value);
  // What this field last wrote to the URL: a URL value different from it came from elsewhere
  // (back button, "clear filters") and replaces what the field shows.
  const committed = useRef(value);

  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text.trim() === committed.current.trim()) return;
    const timer = window.setTimeout(() => {
      committed.current = text.trim();
      onCommit(text);
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, onCommit]);

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    setText(event.target.value);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter searches at once instead of waiting for the pause.
    if (event.key === 'Enter') {
      event.preventDefault();
      committed.current = text.trim();
      onCommit(text);
    }
  }

  return (
    <div className="field field--search">
      <label htmlFor={id}>{label}</label>
      {/* The hint sits between label and box, where it is read before typing starts. */}
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      <input
        id={id}
        type="search"
        value={text}
        onChange={handleChange}
        onKeyDown={handleKeyDown}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}

/** A labelled select; `children` are its options. */
export function SelectField({
  label,
  value,
  onChange,
  children,
  className,
}: {
  className?: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const id = useId();
  function handleChange(event: ChangeEvent<HTMLSelectElement>) {
    onChange(event.target.value);
  }
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={handleChange}>
        {children}
      </select>
    </div>
  );
}
