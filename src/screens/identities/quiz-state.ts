import { normaliseMnemonic } from '../../vault/mnemonic.js';

/**
 * The check that new words really reached paper: a few positions, asked in order, typed
 * back. Pure, so tests drive it without a terminal; the positions come from an injectable
 * random source so they are deterministic there.
 */
export const QUIZ_QUESTIONS = 3;

export type QuizPhase = 'words' | 'quiz' | 'passed';

export interface QuizState {
  words: readonly string[];
  /** 0-based positions to ask, distinct and ascending. */
  positions: readonly number[];
  /** How many of `positions` were answered right. */
  answered: number;
  phase: QuizPhase;
  /** The last answer was wrong. */
  wrong: boolean;
}

export type QuizAction = { type: 'start' } | { type: 'answer'; word: string } | { type: 'review' };

/** A number in [0, 1), as Math.random gives. */
export type RandomSource = () => number;

/** `questions` distinct positions out of `wordCount`, ascending. */
export function pickPositions(wordCount: number, questions: number, random: RandomSource): number[] {
  const pool = Array.from({ length: wordCount }, (_, i) => i);
  const picked: number[] = [];
  while (picked.length < Math.min(questions, wordCount)) {
    const index = Math.min(Math.floor(random() * pool.length), pool.length - 1);
    picked.push(pool.splice(index, 1)[0]!);
  }
  return picked.sort((a, b) => a - b);
}

export function newQuiz(phrase: string, random: RandomSource = Math.random): QuizState {
  const words = phrase.split(' ');
  return {
    words,
    positions: pickPositions(words.length, QUIZ_QUESTIONS, random),
    answered: 0,
    phase: 'words',
    wrong: false,
  };
}

/** The 1-based number of the word asked now, while the quiz runs. */
export function askedWord(state: QuizState): number | undefined {
  return state.phase === 'quiz' ? state.positions[state.answered]! + 1 : undefined;
}

export function quizReducer(state: QuizState, action: QuizAction): QuizState {
  switch (action.type) {
    case 'start':
      return state.phase === 'words' ? { ...state, phase: 'quiz', wrong: false } : state;
    case 'review':
      // Progress is kept: looking again is not a failure.
      return state.phase === 'quiz' ? { ...state, phase: 'words', wrong: false } : state;
    case 'answer': {
      if (state.phase !== 'quiz') return state;
      const expected = state.words[state.positions[state.answered]!];
      if (normaliseMnemonic(action.word) !== expected) return { ...state, wrong: true };
      const answered = state.answered + 1;
      return { ...state, answered, wrong: false, phase: answered === state.positions.length ? 'passed' : 'quiz' };
    }
  }
}
