import { newQuiz, quizReducer, type QuizAction, type QuizState, type RandomSource } from './quiz-state.js';

/**
 * Where making a new identity stands: the form (name and word count), then the new words
 * with their quiz, with a question before leaving once words were shown. The words live
 * only here, and `discard` drops them.
 */
export type NewIdentityState =
  | { step: 'form' }
  | { step: 'phrase'; name: string; quiz: QuizState }
  | { step: 'leaving'; name: string; quiz: QuizState };

export type NewIdentityAction =
  | { type: 'generated'; name: string; phrase: string; random?: RandomSource }
  | { type: 'quiz'; action: QuizAction }
  | { type: 'leave' }
  | { type: 'stay' }
  | { type: 'discard' };

export const initialNewIdentity: NewIdentityState = { step: 'form' };

export function newIdentityReducer(state: NewIdentityState, action: NewIdentityAction): NewIdentityState {
  switch (action.type) {
    case 'generated':
      return state.step === 'form'
        ? { step: 'phrase', name: action.name, quiz: newQuiz(action.phrase, action.random) }
        : state;
    case 'quiz':
      return state.step === 'phrase' ? { ...state, quiz: quizReducer(state.quiz, action.action) } : state;
    case 'leave':
      return state.step === 'phrase' ? { ...state, step: 'leaving' } : state;
    case 'stay':
      return state.step === 'leaving' ? { ...state, step: 'phrase' } : state;
    case 'discard':
      return initialNewIdentity;
  }
}
