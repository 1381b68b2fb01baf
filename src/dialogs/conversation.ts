import { isRegistrationOpen, tidy } from '../core/index.ts';
import { normalise, stripFormatCharacters, yesNo } from './choices.ts';
import { asksAboutOwnRegistration, asksToRegisterSomeoneElse, guessLanguage, isDirectRequest, isSignUpRequest, looksLikeQuestion, parseCommand, parseIdleIntent, requestCore, sessionChangeTarget, sessionsNamed, type Command } from './commands.ts';
import { submitForm } from './form-submission.ts';
import { classifyIdle, idleAnswer, idleReply } from './idle.dialog.ts';
import { afterGreeting, isBareContactDetail, isJunk, unsupportedLanguage } from './message-reading.ts';
import { asksOwnChoices, ownRegistrationAsk } from './my-registration.asks.ts';
import { detailsWish } from './my-registration.details.ts';
import { isCancelWord, manageBack, manageChoice, manageReask, manageStop, manageText, matchManageOption, openChange, openManage, resumeManage } from './my-registration.dialog.ts';
import { hasRegistrations } from './my-registration.target.ts';
import { askErase, eraseAnswer, eraseChoice, eraseNo, eraseYes, resumePersonalData, showPersonalData } from './personal-data.dialog.ts';
import { consultAnswerer } from './questions.ts';
import { changeField, formBack, formChoice, formText, reask, resumeRegister, startRegistration } from './registration.dialog.ts';
import { askStop, showFilled } from './registration.moves.ts';
import { menuOptions, programmeReply, speech, type Speech } from './render.ts';
import { conversationStateSchema, type ConversationState } from './state.ts';
import type { EffectOutcome, Reply, TurnContext, TurnResult, User, UserInput } from './types.ts';

export type { ConversationState } from './state.ts';

type Result = TurnResult<ConversationState>;

/** Messages longer than this are refused whole: no answer is that long, and it keeps every turn cheap. */
export const maxMessageLength = 2000;

/** A fresh conversation for `user` (language from the channel's locale, else Dutch). */
export function newConversation(user: User): ConversationState {
  return { v: 1, lang: user.locale?.toLowerCase().startsWith('en') ? 'en' : 'nl', greeted: false, ops: 0, flow: { kind: 'idle', offered: [] } };
}

/** Validates a stored state (a boundary: it comes from Redis); null when unusable, and the caller starts fresh. */
export function parseConversationState(raw: unknown): ConversationState | null {
  const parsed = conversationStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Handles one user input. Pure apart from the injected answerer; seat changes come back as `effect`. */
export async function handleTurn(given: ConversationState, input: UserInput, ctx: TurnContext): Promise<Result> {
  // Soft hyphens and zero-width marks are invisible: "ter\u00adug" is "terug".
  const typed = input.kind === 'text' ? stripFormatCharacters(String(input.text)) : '';
  // At the desk, a message clearly written in the other language switches to it ("I want to change my session").
  const guessed = given.flow.kind === 'idle' && input.kind === 'text' ? guessLanguage(typed.slice(0, maxMessageLength)) : null;
  const state = guessed && guessed !== given.lang ? { ...given, lang: guessed } : given;
  const s = speech(ctx.event, ctx.availability, state.lang, !isRegistrationOpen(ctx.event, ctx.now));
  if (input.kind === 'choice') return handleChoice(state, String(input.id).slice(0, maxMessageLength), ctx, s);
  if (input.kind === 'form') return submitForm(state, typeof input.values === 'object' && input.values !== null ? input.values : {}, ctx, s);
  const text = typed;
  if (text.length > maxMessageLength) return pending(state, ctx, s, [s.m.messageTooLong(maxMessageLength)]);
  if (tidy(text.replace(/\p{Cc}/gu, ' ')).length === 0) return pending(state, ctx, s, [s.m.emptyMessage]);
  // The options of the pending question win over commands when typed exactly: at "Wil je je
  // inschrijving echt annuleren?", "annuleren" means yes, not "stop".
  if (state.flow.kind === 'manage') {
    const exact = matchManageOption(state.flow, text, ctx, s, 'exact');
    if (exact) return manageChoice(state, state.flow, exact.id, ctx, s);
  }
  const command = parseCommand(text);
  if (command) return runCommand(state, command, ctx, s, text);
  // French or German: say, in both languages, which ones Balie speaks (in the form, where the answer does not fit).
  if (state.flow.kind !== 'form' && unsupportedLanguage(text)) return pending(state, ctx, s, [s.m.languagesSpoken]);
  switch (state.flow.kind) {
    case 'form':
      if (asksAboutOwnRegistration(text) || asksOwnChoices(text)) return showFilled(state, state.flow, s);
      return formText(state, state.flow, text, ctx, s);
    case 'manage':
      return manageText(state, state.flow, text, ctx, s);
    case 'idle':
      return idleText(state, text, ctx, s);
  }
}

/** Continues after the caller executed the effect of the previous result. */
export async function resumeAfterEffect(before: ConversationState, outcome: EffectOutcome, context: TurnContext): Promise<Result> {
  const state: ConversationState = { ...before, ops: before.ops + 1 };
  const { waitlists: _before, ...rest } = context;
  const ctx: TurnContext = {
    ...rest,
    availability: outcome.availability,
    myRegistration: outcome.myRegistration,
    registeredForOthers: outcome.registeredForOthers ?? [],
    ...(outcome.waitlists ? { waitlists: outcome.waitlists } : {}),
  };
  const s = speech(ctx.event, ctx.availability, state.lang, !isRegistrationOpen(ctx.event, ctx.now));
  if (outcome.kind === 'exportData' || outcome.kind === 'eraseData') return resumePersonalData(state, outcome, s);
  if (state.flow.kind === 'form' && outcome.kind === 'register') return resumeRegister(state, state.flow, outcome, s);
  if (state.flow.kind === 'manage' && outcome.kind !== 'register') return resumeManage(state, state.flow, outcome, ctx, s);
  return idleReply(state, s, []);
}

/** The pending question again, after notes and other replies (an answer, the programme). */
function pending(state: ConversationState, ctx: TurnContext, s: Speech, notes: string[], before: Reply[] = []): Result {
  const flow = state.flow;
  if (flow.kind === 'form') return reask(state, flow, s, notes.join('\n') || undefined, before);
  if (flow.kind === 'manage') return manageReask(state, flow, ctx, s, notes, before);
  return idleReply(state, s, notes, undefined, before);
}

/** A global command; `text` is the message it was typed in, if any ("wijzig sessie 7 naar 8" names the new session). */
function runCommand(state: ConversationState, command: Command, ctx: TurnContext, s: Speech, text = ''): Result {
  const flow = state.flow;
  switch (command.kind) {
    case 'stop':
      if (flow.kind === 'manage') return manageStop(state, flow, text, ctx, s);
      if (flow.kind === 'form') return askStop(state, flow, s);
      // "annuleer" at the desk by someone with a registration: the cancel flow, which asks first.
      return isCancelWord(text) && hasRegistrations(ctx) ? openManage(state, ctx, s, 'cancel', [], null, text) : idleReply(state, s, []);
    case 'about':
      return pending(state, ctx, s, [s.m.about(s.event.title)]);
    case 'back':
      if (flow.kind === 'form') return formBack(state, flow, s);
      if (flow.kind === 'manage') return manageBack(state, flow, ctx, s);
      return idleReply(state, s, []);
    case 'help':
      return pending(state, ctx, s, [], [{ text: flow.kind === 'form' ? s.m.formHelp : s.m.idleHelp(s.event.contact) }]);
    case 'menu':
      return idleReply(state, s, flow.kind === 'form' ? [s.m.leftForm] : []);
    case 'programme': {
      const programme = programmeReply(s);
      if (flow.kind === 'idle') return idleReply(state, s, [], { text: programme.text, options: programme.choices ?? [] });
      return pending(state, ctx, s, [], [{ text: programme.text }]);
    }
    case 'myRegistration':
      // Without a registration to show, a form in progress is kept rather than thrown away.
      if (flow.kind === 'form' && !hasRegistrations(ctx)) return reask(state, flow, s, s.m.noRegistration(s.event.contact));
      return openManage(state, ctx, s, 'view', flow.kind === 'form' ? [s.m.leftForm] : [], null, text);
    case 'language': {
      const switched: ConversationState = { ...state, lang: command.lang };
      const spoken = speech(s.event, s.availability, command.lang, s.closed);
      return pending(switched, ctx, spoken, [spoken.m.languageSwitched]);
    }
    case 'change':
      if (flow.kind === 'form') return changeField(state, flow, command.target, s);
      return openChange(state, ctx, s, command.target, text);
    case 'personalData':
      return command.erase ? askErase(state, ctx, s) : showPersonalData(state, ctx, s);
  }
}

// A Map, not an object literal: a pressed "__proto__" or "constructor" must find nothing.
const globalChoices = new Map<string, Command>([
  ['help', { kind: 'help' }],
  ['menu', { kind: 'menu' }],
  ['programme', { kind: 'programme' }],
  ['stop', { kind: 'stop' }],
  ['back', { kind: 'back' }],
  ['my-registration', { kind: 'myRegistration' }],
  ['my-data', { kind: 'personalData', erase: false }],
  ['erase-data', { kind: 'personalData', erase: true }],
]);

/** A choice, tapped or typed; `text` is what was typed, if anything (it may name sessions to note). */
async function handleChoice(state: ConversationState, id: string, ctx: TurnContext, s: Speech, text = ''): Promise<Result> {
  const flow = state.flow;
  if (id.startsWith('ask:')) return askQuestion(state, id.slice('ask:'.length), ctx, s);
  if (id === 'lang:en' || id === 'lang:nl') return runCommand(state, { kind: 'language', lang: id === 'lang:en' ? 'en' : 'nl' }, ctx, s);
  const global = globalChoices.get(id);
  // Inside the form, "stop" on the summary is the form's own choice; elsewhere these work everywhere.
  if (global && !(flow.kind === 'form' && id === 'stop')) return runCommand(state, global, ctx, s);
  if (id === 'register' || id === 'register-other') {
    if (flow.kind === 'form') return reask(state, flow, s, s.m.alreadyInForm);
    return startRegistration(state, ctx, s, { someoneElse: id === 'register-other', text });
  }
  if (id === eraseYes || id === eraseNo) return eraseChoice(state, id, ctx, s);
  if (flow.kind === 'form') return formChoice(state, flow, id, ctx, s);
  if (flow.kind === 'manage') return manageChoice(state, flow, id, ctx, s);
  if (id === 'change-session' || id === 'cancel-registration') return openManage(state, ctx, s, id === 'change-session' ? 'change' : 'cancel', [], null, text);
  return idleReply(state, s, [s.m.staleChoice]);
}

/** A question, from an `ask:` choice or typed at the desk: the answerer's reply, or an honest "I don't know". */
async function askQuestion(state: ConversationState, question: string, ctx: TurnContext, s: Speech): Promise<Result> {
  const answer = await consultAnswerer(question, ctx, state.lang, 0);
  if (answer && state.flow.kind === 'idle') return idleAnswer(state, answer, s);
  if (answer) return pending(state, ctx, s, [], answer.replies);
  return pending(state, ctx, s, [s.m.dontKnow(s.event.contact)]);
}

/** The conversation in the language a desk message was written in, when that is clear. */
function inGuessedLanguage(current: ConversationState, text: string, context: Speech): { state: ConversationState; s: Speech } {
  const guessed = guessLanguage(text);
  if (!guessed || guessed === current.lang) return { state: current, s: context };
  return { state: { ...current, lang: guessed }, s: speech(context.event, context.availability, guessed, context.closed) };
}

async function idleText(current: ConversationState, given: string, ctx: TurnContext, context: Speech): Promise<Result> {
  // "ja" / "nee" to "Wil je echt al je gegevens laten verwijderen?".
  const erase = eraseAnswer(current, given);
  if (erase) return eraseChoice(current, erase, ctx, context);
  // Nothing to read ("a", "j a"), or a bare e-mail address: the help text, in the language we speak.
  if (isJunk(given) || isBareContactDetail(given)) return idleReply(current, context, [context.m.idleHelp(context.event.contact)]);
  // "Hallo, ik wil me inschrijven": the greeting does not hide the request.
  const rest = afterGreeting(given);
  const command = rest === null ? null : parseCommand(rest);
  if (rest !== null && command) {
    const { state, s } = inGuessedLanguage(current, given, context);
    return runCommand(state, command, ctx, s, rest);
  }
  const text = rest !== null && parseIdleIntent(rest) !== null ? rest : given;
  // Only the ledger knows the answer to "wat heb ik gekozen?"; a colleague is signed up at once.
  if (asksAboutOwnRegistration(text) || asksOwnChoices(text)) {
    const { state, s } = inGuessedLanguage(current, given, context);
    return openManage(state, ctx, s, 'view', [], null, text);
  }
  // "ik wil een collega inschrijven: Jef Aerts, jef@x.be, …, geen boek": the colleague's form, filled in (not a book wish).
  if (asksToRegisterSomeoneElse(text)) {
    const { state, s } = inGuessedLanguage(current, given, context);
    return startRegistration(state, ctx, s, { someoneElse: true, text });
  }
  // "ik wil toch sessie 2" after registering: that session, as "wijzig sessie 7 naar 2" would.
  const target = hasRegistrations(ctx) ? sessionChangeTarget(text) : null;
  if (target !== null) {
    const { state, s } = inGuessedLanguage(current, text, context);
    return openManage(state, ctx, s, 'change', [], target, text);
  }
  // "ik wil toch een boek", "mijn e-mailadres is veranderd", "geen bevestigingsmail gekregen": about a registration the person holds.
  const wish = hasRegistrations(ctx) ? (ownRegistrationAsk(text) ?? detailsWish(text)) : null;
  if (wish) {
    const { state, s } = inGuessedLanguage(current, text, context);
    return openManage(state, ctx, s, wish, [], null, text);
  }
  // "Kan ik me inschrijven voor sessie 3 en 7?", "kan ik me aanmelden?" ask to be signed up,
  // question mark or not: the sessions named say what to note.
  if (isSignUpRequest(text) && (sessionsNamed(text).length > 0 || isShortSignUp(text))) {
    const { state, s } = inGuessedLanguage(current, given, context);
    return startRegistration(state, ctx, s, { text: given });
  }
  const question = looksLikeQuestion(text);
  if (question) {
    const answer = await consultAnswerer(text, ctx, current.lang, 0);
    if (answer) return idleAnswer(current, answer, context);
  }
  // "I'd like to sign up" at the desk: answer in the language it was asked in.
  const { state, s } = inGuessedLanguage(current, text, context);
  const meaning = classifyIdle(state, text, s);
  if (meaning?.kind === 'choice') return handleChoice(state, meaning.id, ctx, s, text);
  // A sign-up or cancel word inside a longer message is often a question about it ("uiterste
  // inschrijfdatum", "verlies ik mijn plaats als ..."): a confident answer goes before the action.
  if (meaning?.kind === 'intent' && !question && meaning.intent !== 'greeting' && meaning.intent !== 'thanks' && !isDirectRequest(text)) {
    const answer = await consultAnswerer(text, ctx, current.lang, 0.6);
    if (answer) return idleAnswer(current, answer, context);
  }
  if (meaning?.kind === 'intent') {
    switch (meaning.intent) {
      case 'register':
        return startRegistration(state, ctx, s, { text: given });
      case 'myRegistration':
        return openManage(state, ctx, s, 'view', [], null, text);
      case 'changeSession':
        return openManage(state, ctx, s, 'change', [], sessionChangeTarget(text), text);
      case 'cancelRegistration':
        return openManage(state, ctx, s, 'cancel', [], null, text);
      case 'greeting':
        // The whole greeting once; "hallo" again gets a short hello and the menu.
        return state.greeted ? idleReply(state, s, [], { text: s.m.own.helloAgain, options: menuOptions(s) }) : idleReply(state, s, []);
      case 'thanks':
        return idleReply(state, s, [s.m.thanks]);
    }
  }
  const answer = yesNo(text);
  if (answer === 'yes') return idleReply(state, s, []);
  if (answer === 'no') return idleReply(state, s, [s.m.goodbye]);
  if (!question && normalise(text).length > 0) {
    const answer = await consultAnswerer(text, ctx, state.lang, 0);
    if (answer) return idleAnswer(state, answer, s);
  }
  // "asdfghjkl" asked nothing: no "no answer to that" (and the greeting, on a first message, says what Balie does).
  return idleReply(state, s, [question ? s.m.dontKnow(s.event.contact) : s.m.own.notUnderstood]);
}

/** "kan ik me aanmelden?", "can I sign up?": a sign-up request of a few words, not a question about signing up. */
/** Words that make "kan ik deelnemen …" a question about how one takes part, not a request to sign up. */
const signUpQualifier = /\b(?:als|wanneer|hoe|tot|nog|when|how|until|if|still|waar|where|online|digitaal|virtueel|virtual|virtually|remote|remotely|hybrid|hybride|afstand|stream|livestream|gratis|free|kost|kosten|cost|betalen|pay|zonder|without)\b/u;

function isShortSignUp(text: string): boolean {
  const folded = requestCore(text);
  return folded.split(' ').length <= 6 && !signUpQualifier.test(folded);
}
