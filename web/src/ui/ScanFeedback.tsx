import { useCallback, useState } from 'react';
import { beep, type Feedback, type Tone } from './feedback';

/**
 * The answer to the last scan of a handheld screen: one line, coloured and with its sound,
 * announced at once to screen readers. Sound can be turned off per screen.
 */
export function useScanFeedback() {
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [sound, setSound] = useState(true);
  const say = useCallback(
    (tone: Tone, message: string) => {
      setFeedback({ tone, message });
      if (sound) beep(tone);
    },
    [sound],
  );
  return { feedback, say, sound, setSound, clear: () => setFeedback(null) };
}

/** Shows the last scan's answer (nothing before the first scan). */
export function FeedbackLine({ feedback }: { feedback: Feedback | null }) {
  if (!feedback) return null;
  return (
    <div
      className={`feedback feedback-${feedback.tone}`}
      role="status"
      aria-live="assertive"
      data-tone={feedback.tone}
    >
      {feedback.message}
    </div>
  );
}

/** The sound on/off switch of a scan screen. */
export function SoundToggle(props: { sound: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="inline">
      <input
        type="checkbox"
        checked={props.sound}
        onChange={(e) => props.onChange(e.target.checked)}
      />{' '}
      Sound
    </label>
  );
}
