import { commandBusinessDate, type AnyCommand } from '@zhaoshang/domain';

/**
 * The business time of a command: its business date (which field that is, the domain knows:
 * `commandBusinessDate`) at 00:00 Asia/Shanghai.
 */
export const businessTimeOf = (command: AnyCommand): string =>
  `${commandBusinessDate(command)}T00:00:00+08:00`;
