/** Graded scan feedback: each tone has its colour (in CSS) and its own short sound. */
export type Tone = 'success' | 'info' | 'warning' | 'error';

export interface Feedback {
  tone: Tone;
  message: string;
}

const SOUNDS: Record<Tone, [number, number][]> = {
  success: [[880, 0.08]],
  info: [[660, 0.06]],
  warning: [
    [440, 0.12],
    [440, 0.12],
  ],
  error: [
    [220, 0.18],
    [180, 0.25],
  ],
};

let audio: AudioContext | null = null;

/** Plays the tone's beeps; silent where audio is unavailable or not yet allowed. */
export function beep(tone: Tone) {
  try {
    audio ??= new AudioContext();
    let at = audio.currentTime;
    for (const [hz, seconds] of SOUNDS[tone]) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = hz;
      gain.gain.value = 0.2;
      osc.connect(gain).connect(audio.destination);
      osc.start(at);
      osc.stop(at + seconds);
      at += seconds + 0.05;
    }
  } catch {
    // No audio (headless, or blocked until a tap): the colour and the words still say it.
  }
}
