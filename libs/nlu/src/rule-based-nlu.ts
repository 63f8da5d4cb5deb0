import { detectBeneficiary } from './beneficiary.detector.js';
import { CategoryClassifier, vocabularyWords, type CategoryScore } from './category.classifier.js';
import { assessDanger, defaultDangerDetector } from './danger.detector.js';
import { DEFAULT_CATEGORIES } from './default-vocabulary.js';
import { detectLanguage } from './language.detector.js';
import type { TrainingExample } from './learned.model.js';
import type { KnownPlace, NluCategory, Understanding, UnderstandOptions } from './nlu.types.js';
import { findPhones } from './phone.extractor.js';
import { findPlace, PlaceMatcher } from './place.extractor.js';
import { createSegmenter } from './segmenter.js';
import { maskSpans } from './text.util.js';
import { extractTime } from './time.extractor.js';
import { DEFAULT_TRAINING } from './training-data.js';
import { detectUrgency } from './urgency.detector.js';

export interface RuleBasedNluOptions {
  /** The county's categories and their words; default DEFAULT_CATEGORIES. */
  categories?: NluCategory[];
  /** Stations and communities to recognise in addresses. */
  places?: KnownPlace[];
  /**
   * Labelled messages the learned half of the category classifier is trained on; default
   * DEFAULT_TRAINING (the development set). Only examples of configured categories count;
   * categories without examples are chosen by their keywords alone. `[]` turns learning off.
   */
  training?: readonly TrainingExample[];
}

/** At most this many ranked alternatives follow the chosen category. */
export const MAX_ALTERNATIVES = 4;
/** Longer messages are read up to here: a need fits in a few sentences, and time stays bounded. */
export const MAX_TEXT_LENGTH = 2000;
/** A category the keywords do not name is an alternative when the learned model gives it at least this. */
export const MIN_LEARNED_EVIDENCE = 0.15;

function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}

/**
 * Understands a resident's message with rules only: synchronous, deterministic, no network.
 * Build one per vocabulary and reuse it; the segmenter is loaded in the constructor.
 */
export class RuleBasedNlu {
  readonly categories: readonly NluCategory[];
  private readonly classifier: CategoryClassifier;
  private readonly places: PlaceMatcher;

  constructor(opts: RuleBasedNluOptions = {}) {
    this.categories = opts.categories ?? DEFAULT_CATEGORIES;
    this.classifier = new CategoryClassifier(this.categories, createSegmenter(vocabularyWords(this.categories)), {
      training: opts.training ?? DEFAULT_TRAINING,
    });
    this.places = new PlaceMatcher(opts.places ?? []);
    // Train the danger check's learned backup now, not in the first understand().
    defaultDangerDetector();
  }

  /** Every category, best first, with its confidence; what `understand` summarises. */
  rankCategories(text: string): CategoryScore[] {
    return this.classifier.classify(text);
  }

  /** The job card's task line for a message filed under `code` (phones masked first; see CategoryClassifier.taskTerms). */
  taskTerms(text: string, code: string): string[] {
    const input = (typeof text === 'string' ? text : '').slice(0, MAX_TEXT_LENGTH);
    return this.classifier.taskTerms(maskSpans(input, findPhones(input)), code);
  }

  understand(text: string, opts: UnderstandOptions = {}): Understanding {
    const input = (typeof text === 'string' ? text : '').slice(0, MAX_TEXT_LENGTH);
    const phoneMatches = findPhones(input);
    // Phone digits would otherwise read as times ("138点"), rooms or ages.
    const rest = maskSpans(input, phoneMatches);
    const ranked = this.classifier.classify(rest);
    const top = ranked[0]!;
    const phones = [...new Set(phoneMatches.map((p) => p.value))];
    // The danger check runs on every message, beside the category: an emergency worded as an
    // ordinary need keeps its category but is urgent.
    const danger = assessDanger(rest);
    return {
      category: top.code,
      confidence: round(top.confidence),
      // Only categories with some evidence: the rest are tied at the bottom in configuration order.
      alternatives: ranked
        .slice(1)
        .filter((c) => c.keywordScore > 0 || c.learned >= MIN_LEARNED_EVIDENCE)
        .slice(0, MAX_ALTERNATIVES)
        .map((c) => ({ code: c.code, confidence: round(c.confidence) })),
      beneficiary: detectBeneficiary(rest),
      urgency: danger.level === 'likely' ? 'urgent' : detectUrgency(rest, top.code),
      phone: phones[0] ?? null,
      phones,
      time: extractTime(rest, opts),
      place: findPlace(rest, this.places),
      language: detectLanguage(input),
      danger,
      source: 'rules',
    };
  }
}
