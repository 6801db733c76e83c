/** The only IPC channels; main refuses anything else and the preload exposes nothing else. */
export const INVOKE_CHANNEL = "nianbao:invoke";
/** Main → renderer: a menu command id (renderer/commands/command-table.ts). */
export const COMMAND_CHANNEL = "nianbao:command";
/** Main → renderer: a .nianbao the OS asked us to open. */
export const OPEN_PATH_CHANNEL = "nianbao:open-path";
