import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { useCommands } from '../../renderer/commands/command-store';
import { useUi } from '../../renderer/shell/ui-store';
import { installModalDialogs } from './support/modal-dialogs';

installModalDialogs(window);

// Each test starts from an empty page and the stores as the app starts them.
afterEach(() => {
  cleanup();
  useCommands.setState(useCommands.getInitialState(), true);
  useUi.setState(useUi.getInitialState(), true);
});
