/** Something the clerk should know about an import that did not stop it (skipped images, guesses). */
export interface ImportNotice {
  zh: string;
  en: string;
}
