import { useEffect, useState } from 'react';
import { listRemovableDrives, type RemovableDrive } from '../../media/drives.js';

/** The removable drives mounted when the screen opened; undefined until known. */
export function useDrives(): RemovableDrive[] | undefined {
  const [drives, setDrives] = useState<RemovableDrive[]>();
  useEffect(() => {
    let shown = true;
    listRemovableDrives().then(
      (found) => shown && setDrives(found),
      // Not knowing the drives must not stop a backup to a typed path.
      () => shown && setDrives([]),
    );
    return () => {
      shown = false;
    };
  }, []);
  return drives;
}
