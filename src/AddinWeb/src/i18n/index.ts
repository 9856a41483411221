import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en, type MessageKey } from "./en";
import { zh } from "./zh";

export type Language = "en-US" | "zh-CN";
export type { MessageKey };

declare module "i18next" {
  interface CustomTypeOptions {
    // t() only accepts keys that exist in en.ts; a typo fails the type check, and zh.ts must give the same keys.
    resources: { translation: typeof en };
    keySeparator: false;
  }
}

export const normalize = (value: string | null | undefined): Language => ((value ?? "").toLowerCase().startsWith("zh") ? "zh-CN" : "en-US");

const STORED = "collabaddin.language";

/** The language a person chose (kept per browser), else ?lang=, else Office's display language, else the browser's. */
export function pickLanguage(officeLanguage: string | null): Language {
  const asked = new URLSearchParams(location.search).get("lang");
  return normalize(asked ?? localStorage.getItem(STORED) ?? officeLanguage ?? navigator.language);
}

export async function startI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    resources: { "en-US": { translation: en }, "zh-CN": { translation: zh } },
    keySeparator: false,
    interpolation: { escapeValue: false }, // React escapes; nothing becomes markup
    returnNull: false,
  });
  document.documentElement.lang = language;
}

export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORED, language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

export const language = (): Language => normalize(i18next.language);
export const t = i18next.t.bind(i18next);
