import { useEffect, useRef, useState } from 'react';

interface Props {
  label: string;
  onScan: (value: string) => void;
  disabled?: boolean;
  /** Submit after this pause with no Enter, for scanners set up without an Enter suffix. */
  pauseMs?: number;
}

/**
 * The one scan field of a handheld screen: always focused (after every render and answer),
 * cleared after each submit, no on-screen keyboard (`inputmode="none"`) unless tapped, and
 * submitted on Enter, or (a scanner set up without an Enter suffix) after a short pause that
 * follows a burst of keystrokes — a person typing by hand is never cut off mid-code.
 */
/** Keystrokes closer together than this, on average, come from a scanner rather than a hand. */
const SCANNER_KEY_GAP_MS = 35;

export function ScanInput({ label, onScan, disabled, pauseMs = 700 }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<number | undefined>(undefined);
  const [keyboard, setKeyboard] = useState(false);

  useEffect(() => {
    if (!disabled && !typingElsewhere(input.current)) input.current?.focus();
  });

  // When the current value started arriving, and its last keystroke: a scanner types a whole
  // code in a burst; a person (or a slow machine) does not, and gets no auto-submit.
  const burst = useRef<{ first: number; last: number; chars: number } | undefined>(undefined);

  const submit = () => {
    window.clearTimeout(timer.current);
    burst.current = undefined;
    const value = input.current?.value.trim() ?? '';
    if (input.current) input.current.value = '';
    if (value) onScan(value);
  };

  return (
    <div className="scan">
      <label htmlFor="scan-input">{label}</label>
      <input
        id="scan-input"
        ref={input}
        className="scan-input"
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        inputMode={keyboard ? 'text' : 'none'}
        disabled={disabled}
        onClick={() => setKeyboard(true)}
        onBlur={(e) => {
          // Focus lost to nothing (a tap on the page, a closed dialog) comes back here; a
          // deliberate Tab to another control is left alone, so the keyboard still gets around.
          if (!e.relatedTarget) window.setTimeout(() => input.current?.focus(), 0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            submit();
          }
        }}
        onChange={() => {
          window.clearTimeout(timer.current);
          const now = performance.now();
          const b = burst.current;
          burst.current = b
            ? { first: b.first, last: now, chars: b.chars + 1 }
            : { first: now, last: now, chars: 1 };
          const { first, last, chars } = burst.current;
          const scannerLike = chars >= 4 && (last - first) / (chars - 1) < SCANNER_KEY_GAP_MS;
          if (scannerLike) timer.current = window.setTimeout(submit, pauseMs);
        }}
      />
    </div>
  );
}

/**
 * Whether the user is typing in another field of the screen (a keyed count, a quantity): a
 * render caused by something else (an answer, a looked-up label) must not pull the focus, and
 * the keys that follow, away from it. A button or the page itself gives the focus back.
 */
function typingElsewhere(scanField: HTMLInputElement | null): boolean {
  const active = document.activeElement as HTMLElement | null;
  if (!active || active === scanField) return false;
  if (active.isContentEditable || active.tagName === 'TEXTAREA' || active.tagName === 'SELECT')
    return true;
  return active instanceof HTMLInputElement && !NOT_TYPED.has(active.type);
}

/** Inputs that take a click, not keys: the scan field may take the focus back from them. */
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range']);
