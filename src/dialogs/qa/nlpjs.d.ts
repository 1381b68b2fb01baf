// nlp.js ships no type declarations; these cover the few calls Balie makes.
declare module '@nlpjs/core' {
  export interface Container {
    use(plugin: unknown): void;
    registerConfiguration(tag: string, settings: Record<string, unknown>, overwrite?: boolean): void;
    get(name: string): unknown;
  }
  export function containerBootstrap(): Promise<Container>;
}

declare module '@nlpjs/nlp' {
  export interface NlpClassification {
    intent: string;
    score: number;
  }
  export interface NlpResult {
    intent: string;
    score: number;
    classifications: NlpClassification[];
  }
  export interface NluManager {
    process(input: { locale: string; utterance: string; settings?: unknown }): Promise<NlpResult>;
  }
  export class Nlp {
    constructor(settings: Record<string, unknown>);
    nluManager: NluManager;
    addLanguage(locales: string | string[]): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<NlpResult>;
  }
}

declare module '@nlpjs/lang-nl' {
  export const LangNl: unknown;
  export class StemmerNl {
    stemWord(word: string): string;
  }
  export class StopwordsNl {
    isStopword(word: string): boolean;
  }
}

declare module '@nlpjs/lang-en' {
  export const LangEn: unknown;
  export class StemmerEn {
    stemWord(word: string): string;
  }
  export class StopwordsEn {
    isStopword(word: string): boolean;
  }
}
