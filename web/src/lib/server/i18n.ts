/**
 * The three whole UI catalogues, for server code (form actions, errors thrown by loads) and
 * tests. Under $lib/server so no page's JavaScript can import it: a browser gets only its
 * page's messages (route-messages.ts).
 */
import { fr } from '../i18n/fr';
import { ar } from '../i18n/ar';
import { en } from '../i18n/en';
import { translator as translatorOf, type Catalogue, type Locale, type Translate } from '../i18n';

export const catalogues: Readonly<Record<Locale, Catalogue>> = { fr, ar, en };

/** A translator holding every message of `locale`. */
export const translator = (locale: Locale): Translate => translatorOf(locale, catalogues[locale]);
