/** The three UI catalogues by locale, and the parameters each message takes (from English). */
import { en, type MessageKey } from './messages-en.ts';
import { zhHans } from './messages-zh-hans.ts';
import { zhHant } from './messages-zh-hant.ts';
import type { Locale, Message, ParamValue, ParamsOf } from './types.ts';

/** Every catalogue, keyed by locale; each has exactly the English keys (the type says so). */
export const catalogs: Record<Locale, Record<MessageKey, Message>> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };

/** The parameters of message `K`, named by the placeholders of its English text. */
export type MessageParams<K extends MessageKey> = { [P in ParamsOf<(typeof en)[K]>]: ParamValue };

/** `t(key)` for messages without placeholders, `t(key, params)` for the others. */
export type TranslateArgs<K extends MessageKey> = [ParamsOf<(typeof en)[K]>] extends [never]
  ? []
  : [params: MessageParams<K>];
