// The intake's view of text understanding (a port); libs/nlu plugs in through NluUnderstander.
export interface Understanding {
  category: string | null;
  confidence: number;
  alternatives: Array<{ code: string; confidence: number }>;
  beneficiary: 'elderly' | 'child' | 'disabled' | 'hardship' | 'none';
  urgency: 'urgent' | 'normal';
  phone: string | null;
  time: string | null;
  place: { text: string; stationId?: string } | null;
  /** The danger check: run on every message before and beside the category. */
  danger: DangerVerdict;
}

/** `likely`: act as an emergency now; `possible`: ask once whether anyone is in danger. */
export interface DangerVerdict {
  level: 'none' | 'possible' | 'likely';
  /** Signal families found (fire, flood, fall, missing, self_harm, …). */
  families: string[];
  /** The resident should call the emergency numbers first. */
  lifeThreatening: boolean;
  selfHarm: boolean;
}

export interface Understander {
  /**
   * Whether understanding may wait on the network (a configured model): then the intake prepares
   * it before the transaction and the chat lock. False: it is local CPU only, done in the turn,
   * and the engine's state read before the transaction is saved (decision 0049). Unset: true.
   */
  readonly waits?: boolean;
  understand(text: string, now: Date): Understanding | Promise<Understanding>;
  /** A few words of the category's vocabulary found in the text, for the job card's task line (never the text itself). */
  taskTerms(text: string, category: string): string[];
}
