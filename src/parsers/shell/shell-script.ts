/** What reading a shell script gives: its commands, and its pipelines. */
export interface ShellCommand {
  /** the command's name with quotes removed (`curl`, `/usr/bin/wget`) */
  name: string;
  /** its arguments with quotes removed */
  args: string[];
  /** offsets into the script */
  start: number;
  end: number;
}

export interface ShellScript {
  /** every simple command, including those inside pipelines, lists and substitutions */
  commands: ShellCommand[];
  /** each pipeline as the commands joined by `|`, in order */
  pipelines: ShellCommand[][];
}
