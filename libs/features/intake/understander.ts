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
}

export interface Understander {
  understand(text: string, now: Date): Understanding | Promise<Understanding>;
}
