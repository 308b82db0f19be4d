import { ReadingStep } from '../qr/read-steps.js';
import { RequestPathStep, TITLE } from './request-path-step.js';
import { ReviewStep } from './review-step.js';
import { useSignRequest } from './use-sign-request.js';

/**
 * Signs a request from polkadot.js, Nova or a Vault-style sender: its QR codes are read from
 * pictures, a camera or a video (or the request from a file), with how far the reading has come;
 * what it asks is shown decoded, and only y signs it. The answer's code then takes the screen.
 */
export function SignRequest() {
  const { state, field } = useSignRequest();
  switch (state.step) {
    case 'path':
      return <RequestPathStep field={field} at={state} />;
    case 'reading':
      return <ReadingStep title={TITLE} path={field.path} progress={state.progress} />;
    case 'checking':
      return <ReadingStep title={TITLE} path={field.path} progress={state.progress} doing="Checking the request…" />;
    case 'review':
    case 'signing':
      return <ReviewStep state={state} />;
  }
}
