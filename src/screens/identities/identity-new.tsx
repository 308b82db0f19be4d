import { Box } from 'ink';
import { useRef, type ReactNode } from 'react';
import { useShell } from '../shell-context.js';
import { useSelectIdentity } from './identities-home.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import * as actions from '../../vault/actions.js';
import { generateMnemonic } from '../../vault/mnemonic.js';
import { LeaveQuestion } from './leave-question.js';
import { NewIdentityForm } from './new-identity-form.js';
import { PhraseCheck } from './phrase-check.js';
import { initialNewIdentity, newIdentityReducer } from './identity-new-state.js';
import type { QuizAction } from './quiz-state.js';

/**
 * A new identity: name and word count, then fresh words shown once, then a short quiz.
 * Only a passed quiz saves; leaving before that drops the words.
 */
export function IdentityNew() {
  const shell = useShell();
  const [state, dispatch, latest] = useSynchronousReducer(newIdentityReducer, initialNewIdentity);
  const saving = useRef(false);
  const select = useSelectIdentity();
  const idle = !shell.busy;

  const leave = () => {
    dispatch({ type: 'discard' });
    shell.navigate({ type: 'back' });
  };

  const save = async () => {
    const now = latest();
    if (now.step !== 'phrase' || now.quiz.phase !== 'passed' || saving.current) return;
    saving.current = true;
    const saved = await shell.run(
      'Saving the identity…',
      (session) => actions.saveMnemonicIdentity(session, now.name, now.quiz.words.join(' ')),
      (identity) => `Saved identity "${identity.name}". Derive its accounts under Accounts.`,
    );
    saving.current = false;
    if (!saved) return;
    select(saved.name);
    leave();
  };

  const quiz = (action: QuizAction) => {
    dispatch({ type: 'quiz', action });
    const now = latest();
    if (action.type === 'answer' && now.step === 'phrase' && now.quiz.phase === 'passed') void save();
  };

  return (
    // A fixed width makes long lines wrap inside the content area instead of widening it.
    <Box flexDirection="column" width={shell.width}>
      {view()}
    </Box>
  );

  function view(): ReactNode {
    switch (state.step) {
      case 'form':
        return (
          <NewIdentityForm
            isActive={idle}
            onCancel={leave}
            onSubmit={(name, count) => dispatch({ type: 'generated', name, phrase: generateMnemonic(count) })}
          />
        );
      case 'phrase':
        return (
          <PhraseCheck
            name={state.name}
            quiz={state.quiz}
            isActive={idle}
            onQuiz={quiz}
            onRetry={() => void save()}
            onLeave={() => dispatch({ type: 'leave' })}
          />
        );
      case 'leaving':
        return <LeaveQuestion isActive={idle} onLeave={leave} onStay={() => dispatch({ type: 'stay' })} />;
    }
  }
}
