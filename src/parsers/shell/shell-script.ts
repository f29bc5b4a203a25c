/** What reading a shell script gives: its commands, and its pipelines. */
export interface ShellCommand {
  /** the command's name with quotes removed (`curl`, `/usr/bin/wget`) */
  name: string;
  /** its arguments with quotes removed */
  args: string[];
  /** offsets into the script */
  start: number;
  end: number;
  /** the files its output is written to (`> /etc/x`, `>> /etc/x`), as written */
  writes?: string[];
  /** the text a here-document gives it to read (`cat > /etc/x <<EOF`) */
  heredoc?: string;
}

export interface ShellScript {
  /** every simple command, including those inside pipelines, lists and substitutions */
  commands: ShellCommand[];
  /** each pipeline as the commands joined by `|`, in order */
  pipelines: ShellCommand[][];
}
