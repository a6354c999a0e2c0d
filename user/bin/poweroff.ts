// poweroff: stop the machine (reboot(RB_POWER_OFF)); the host's tskern exits with status 0.
import { powerOff } from '../lib/posix.ts';
import { complain, finish } from '../lib/tool.ts';

complain('poweroff', 'reboot', powerOff());
finish(1);
