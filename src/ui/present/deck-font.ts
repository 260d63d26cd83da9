/**
 * The font a PowerPoint deck names for its text, by the deck's language. PowerPoint draws Chinese
 * characters with the run's East Asian font, which pptxgenjs sets to the same face as the Latin
 * one: Arial has no Chinese, so a Chinese deck names a CJK font of its script that Office installs
 * on Windows (Microsoft YaHei for 简体, Microsoft JhengHei for 繁體); PowerPoint for Mac and
 * LibreOffice map those names to their own CJK fonts of the same script (PingFang SC/TC, Noto Sans
 * CJK SC/TC), which a generic or a Latin name would not.
 */
export function deckFont(language: string | undefined): string {
  if (language === 'zh-Hans') return 'Microsoft YaHei';
  if (language === 'zh-Hant') return 'Microsoft JhengHei';
  return 'Arial';
}
