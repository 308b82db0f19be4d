import { ChooseStep, FoundStep, ReadingStep, ReadPathStep } from './read-steps.js';
import { useQrRead } from './use-qr-read.js';

/**
 * Reads pictures of QR codes (a picture, a folder of frames, a camera or a video) in worker threads, showing
 * how far the transfer has come; Esc stops it. Pictures of several transfers offer a choice
 * of them. A backup is saved where the user says, then offered for import; an address is
 * offered for the address book; anything else for saving.
 */
export function QrRead() {
  const { state, field, list } = useQrRead();
  switch (state.step) {
    case 'path':
      return <ReadPathStep state={field} read={state} />;
    case 'reading':
      return <ReadingStep path={field.path} progress={state.progress} />;
    case 'choose':
      return <ChooseStep state={state} list={list} />;
    case 'address':
    case 'found':
    case 'saving':
    case 'saved':
      return <FoundStep state={state} />;
  }
}
