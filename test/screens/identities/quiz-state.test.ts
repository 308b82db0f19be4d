import { describe, expect, it } from 'vitest';
import { initialNewIdentity, newIdentityReducer } from '../../../src/screens/identities/identity-new-state.js';
import {
  askedWord,
  newQuiz,
  pickPositions,
  quizReducer,
  type QuizState,
} from '../../../src/screens/identities/quiz-state.js';
import { DEV_PHRASE } from '../../helpers/dev-keys.js';

/** A random source that returns the given numbers in turn. */
const sequence =
  (...values: number[]) =>
  () =>
    values.shift() ?? 0;
const start = (random = sequence(0.5, 0, 0.99)) => quizReducer(newQuiz(DEV_PHRASE, random), { type: 'start' });

describe('choosing quiz positions', () => {
  it('takes distinct positions from the injected random source, ascending', () => {
    // 0.5 of 12 → 6; 0 of the 11 left → 0; 0.99 of the 10 left → the last one, 11.
    expect(pickPositions(12, 3, sequence(0.5, 0, 0.99))).toEqual([0, 6, 11]);
  });

  it('never repeats a position, even when the source keeps saying the same', () => {
    const positions = pickPositions(24, 3, () => 0.3);
    expect(new Set(positions).size).toBe(3);
    expect(positions.every((p) => p >= 0 && p < 24)).toBe(true);
  });

  it('copes with a source that returns its maximum', () => {
    expect(pickPositions(12, 3, () => 0.999999)).toEqual([9, 10, 11]);
  });
});

describe('the quiz', () => {
  it('shows the words first, then asks the chosen positions in order', () => {
    const shown = newQuiz(DEV_PHRASE, sequence(0.5, 0, 0.99));
    expect(shown.phase).toBe('words');
    expect(askedWord(shown)).toBeUndefined();
    const asking = quizReducer(shown, { type: 'start' });
    expect(askedWord(asking)).toBe(1);
  });

  it('passes after every asked word is typed right, forgiving case and spaces', () => {
    let state: QuizState = start();
    state = quizReducer(state, { type: 'answer', word: ' Bottom ' });
    expect(askedWord(state)).toBe(7);
    state = quizReducer(state, { type: 'answer', word: 'basket' });
    expect(askedWord(state)).toBe(12);
    state = quizReducer(state, { type: 'answer', word: 'walk' });
    expect(state.phase).toBe('passed');
    expect(state.answered).toBe(3);
  });

  it('a wrong answer says so and asks the same word again', () => {
    const wrong = quizReducer(start(), { type: 'answer', word: 'drive' });
    expect(wrong.wrong).toBe(true);
    expect(wrong.answered).toBe(0);
    expect(askedWord(wrong)).toBe(1);
    const right = quizReducer(wrong, { type: 'answer', word: 'bottom' });
    expect(right.wrong).toBe(false);
    expect(askedWord(right)).toBe(7);
  });

  it('going back to the words keeps the progress, and answers are ignored while they show', () => {
    const one = quizReducer(start(), { type: 'answer', word: 'bottom' });
    const review = quizReducer(one, { type: 'review' });
    expect(review.phase).toBe('words');
    expect(quizReducer(review, { type: 'answer', word: 'basket' })).toBe(review);
    const again = quizReducer(review, { type: 'start' });
    expect(askedWord(again)).toBe(7);
  });
});

describe('the new-identity flow', () => {
  const generated = newIdentityReducer(initialNewIdentity, {
    type: 'generated',
    name: 'savings',
    phrase: DEV_PHRASE,
    random: () => 0,
  });

  it('holds the words only between generating and discarding', () => {
    expect(generated).toMatchObject({ step: 'phrase', name: 'savings' });
    if (generated.step !== 'phrase') throw new Error('unreachable');
    expect(generated.quiz.words.join(' ')).toBe(DEV_PHRASE);
    expect(newIdentityReducer(generated, { type: 'discard' })).toEqual({ step: 'form' });
  });

  it('asks before leaving, and staying keeps the quiz where it was', () => {
    const answered = newIdentityReducer(newIdentityReducer(generated, { type: 'quiz', action: { type: 'start' } }), {
      type: 'quiz',
      action: { type: 'answer', word: 'bottom' },
    });
    const leaving = newIdentityReducer(answered, { type: 'leave' });
    expect(leaving.step).toBe('leaving');
    expect(newIdentityReducer(leaving, { type: 'quiz', action: { type: 'answer', word: 'drive' } })).toBe(leaving);
    expect(newIdentityReducer(leaving, { type: 'stay' })).toEqual(answered);
  });
});
