// The analyzers in report order.
import type { Analyzer } from './analyzer.js';
import { conversation } from './conversation.js';
import { emotion } from './emotion.js';
import { engagement } from './engagement.js';
import { language } from './language.js';

export const ANALYZERS: readonly Analyzer[] = [language, emotion, engagement, conversation];
