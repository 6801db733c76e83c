import type { CliCommand } from "../command";

/** Every command listed here works end to end; `--help` prints exactly this list. */
export const commands: readonly CliCommand[] = [
  {
    name: "new",
    summary: "按模板新建空白报告 / create a blank report from a template",
    usage: "nianbao new --template <id> --org <发文机关> --year <YYYY> -o <file.nianbao> [--force]",
    load: () => import("./new-command"),
  },
  {
    name: "inspect",
    summary: "查看报告的结构和字段 / show a report's structure and fields",
    usage: "nianbao inspect <file.nianbao|.docx|.md|.txt> [--json]",
    load: () => import("./inspect-command"),
  },
  {
    name: "diff",
    summary: "与上年报告逐段对照 / compare with last year's report, paragraph by paragraph",
    usage: "nianbao diff <file.nianbao> [--json]",
    load: () => import("./diff-command"),
  },
  {
    name: "plans",
    summary: "上年主要安排的落实情况 / last year's plans: list them, record what became of each",
    usage:
      "nianbao plans <file.nianbao> [--json] [--item <序号> (--addressed --quote <本年报告原文> | --not-done --reason <原因> | --reopen)]",
    load: () => import("./plans-command"),
  },
  {
    name: "check",
    summary: "检查报告的内容、数字和格式 / check a report's content, numbers and layout rules",
    usage: "nianbao check <file> [--json] [--today YYYY-MM-DD]",
    load: () => import("./check-command"),
  },
  {
    name: "fields",
    summary: "列出、填写和确认报告中的数字字段 / list, set and confirm a report's numeric fields",
    usage:
      "nianbao fields <file> [--json] [--set <id>=<value>]… [--confirm <id>]… [--numerals <id>=digits|chinese]… [--source <id>=<部门>]…",
    load: () => import("./fields-command"),
  },
  {
    name: "collect",
    summary: "数据征集：按部门生成 Excel 征集表，读回各部门填报的数字 / data requests: one workbook per department out, answers read back",
    usage: "nianbao collect <file.nianbao> [--json] | --out <文件夹> [--force] | --import <征集表.xlsx>… [--accept-formulas]",
    load: () => import("./collect-command"),
  },
  {
    name: "rollup",
    summary: "汇总各乡镇：把各乡镇报告的数字汇总进县区报告 / county roll-up: the towns' figures summed into the county report",
    usage: "nianbao rollup <县区报告.nianbao> --from <乡镇报告.nianbao|.docx>… [--apply] [--field <字段编号>]… [--json]",
    load: () => import("./rollup-command"),
  },
  {
    name: "workflow",
    summary: "拟稿→审核→签发的签核记录 / sign-off: submit, review, return, approve, publish, revise",
    usage:
      "nianbao workflow <file> [submit|review|return|approve|publish|revise --as <姓名> --role <拟稿人|审核人|签发人> [--comment <意见>]]",
    load: () => import("./workflow-command"),
  },
  {
    name: "sign",
    summary: "用单位证书为已签发的报告导出并签名 PDF / .docx / export and sign an approved report",
    usage: "nianbao sign <file.nianbao> --p12 <证书.p12> --password-env <环境变量名> --signer <姓名> [--pdf out.pdf] [--docx out.docx]",
    load: () => import("./sign-command"),
  },
  {
    name: "verify",
    summary: "验证已签名的 PDF 或 .docx(.p7s) / verify a signed PDF or .docx",
    usage: "nianbao verify <signed.pdf | file.docx [file.docx.p7s]> [--report x.nianbao] [--json]",
    load: () => import("./verify-command"),
  },
  {
    name: "export",
    summary:
      "导出符合 GB/T 9704 的 Word 和 PDF、与上年对照的修订稿、上年安排落实表 / export GB/T 9704 .docx and PDF, a redline against last year, the plans table",
    usage:
      "nianbao export <file.nianbao|.docx|.md|.txt> [--docx out.docx] [--pdf out.pdf] [--redline out.docx] [--plans out.docx] [--profile <name>] [--template <id>] [--json]",
    load: () => import("./export-command"),
  },
  {
    name: "import",
    summary: "导入上年报告（Word/文本），可结转为新年度 / import last year's report (Word/text), optionally rolled forward",
    usage: "nianbao import <file.docx|.md|.txt|.nianbao> [--roll-forward] -o <file.nianbao> [--year YYYY] [--org 发文机关] [--force]",
    load: () => import("./import-command"),
  },
  {
    name: "serve",
    summary: "以浏览器模式启动年报（仅本机） / start browser mode on this machine only",
    usage: "nianbao serve [--open] [--port <n>] [--dir <报告文件夹>]… [--state-dir <dir>]",
    longRunning: true,
    load: () => import("./serve-command"),
  },
  {
    name: "team-server",
    summary: "团队模式：在本单位网络上多人同时编辑报告 / team mode: several people edit the folder's reports at once",
    usage:
      "nianbao team-server --dir <报告文件夹> [--port <n>] [--host <地址>] [--redis redis://主机:端口] [--cert <证书.pem> --key <私钥.pem>]",
    longRunning: true,
    load: () => import("./team-server-command"),
  },
  {
    name: "team-user",
    summary: "团队成员与口令 / team members and their tokens: add, list, revoke",
    usage:
      "nianbao team-user add <姓名> --dir <报告文件夹> --role <拟稿人|部门|审核人|签发人> [--parts <部分>,…] [--fields-of <部门>] | list --dir <文件夹> [--json] | revoke <姓名> --dir <文件夹>",
    load: () => import("./team-user-command"),
  },
];
