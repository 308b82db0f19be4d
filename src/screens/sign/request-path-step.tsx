import { Text } from 'ink';
import { theme } from '../../ui/theme.js';
import type { PathFieldState } from '../qr/path-field-state.js';
import { PathStep } from '../qr/path-step.js';
import { progressText } from '../qr/qr-found.js';
import type { SignAt } from './sign-request-state.js';

export const TITLE = 'Sign a request';

/** Where the request is: pictures of its QR codes, a camera, a video, or a request file. */
export function RequestPathStep({ field, at }: { field: PathFieldState; at: SignAt<'path'> }) {
  return (
    <PathStep
      title={TITLE}
      intro="The signing request's QR codes as pictures (a folder of frames, in any order), a camera (/dev/video0) or a video of them read through ffmpeg; or a request file, as hex or bytes."
      label="Request:"
      placeholder="pictures, a folder, a camera, a video or a file"
      state={field}
      problem={at.problem}
      nothing="no folders"
      missing="Type the pictures, a camera, a video or a request file."
      hints={[
        ['complete', 'completes'],
        ['pick', 'pick a folder'],
        ['confirm', 'reads it'],
      ]}
    >
      {at.progress ? (
        <Text color={theme.muted} wrap="truncate-end">{`Last read: ${progressText(at.progress)}`}</Text>
      ) : null}
    </PathStep>
  );
}
