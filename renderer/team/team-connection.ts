import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { defaultDeleteFilter, defaultProtectedNodes, ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { BODY_FRAGMENT, FIELDS_MAP, META_MAP } from "../../core/collab/report-ydoc";
import { changedSince, type ChangedBlock } from "../../core/collab/changed-since";
import { ServerMessage, type ClientMessage } from "../../core/collab/team-messages";
import type { TeamIdentity } from "../../core/collab/team-user";
import { NianbaoError } from "../../core/errors/nianbao-error";
import type { WorkflowStep } from "../../core/workflow/apply-workflow-action";

/** The origin of this member's own changes outside the editor (fields, meta, plans): undoable like typing. */
export const TEAM_LOCAL = Symbol("this member's change");

export type TeamLinkState = "connected" | "offline";

export interface TeamMember {
  clientId: number;
  name: string;
  role: string;
  color: string;
}

/** Where a report lives on a team server, as the clerk types it in the 连接团队服务器 dialog. */
export interface TeamAddress {
  url: string;
  document: string;
  token: string;
}

const COLORS = ["#c2410c", "#1d4ed8", "#15803d", "#7e22ce", "#b91c1c", "#0f766e", "#a16207", "#be185d"];

/** A member's colour, the same on every screen: picked from their name. */
export function colorOf(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return COLORS[hash % COLORS.length] ?? COLORS[0]!;
}

/**
 * One report opened on a team server: the shared Yjs document, the connection (which retries by
 * itself and sends what was typed meanwhile once it is back), who else is there, and the server's
 * answers (refused changes, sign-off steps).
 */
export class TeamConnection {
  readonly doc = new Y.Doc();
  readonly socket: HocuspocusProviderWebsocket;
  readonly provider: HocuspocusProvider;
  /** Undo and redo of this member's own changes, text and numbers alike (the editor's undo too). */
  readonly undoManager: Y.UndoManager;
  user: TeamIdentity | null = null;
  /** The blocks others changed since this member last opened this report (from this browser). */
  changedSinceLastOpen: ChangedBlock[] = [];
  state: TeamLinkState = "offline";
  private readonly listeners = new Set<() => void>();
  private readonly refusals = new Set<(zh: string) => void>();
  private pendingStep: { resolve: (state: string) => void; reject: (error: Error) => void } | null = null;

  private constructor(readonly address: TeamAddress) {
    this.socket = new HocuspocusProviderWebsocket({ url: address.url, delay: 500, minDelay: 500, maxDelay: 5000 });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: address.document,
      token: address.token,
      document: this.doc,
      onStateless: ({ payload }) => this.receive(payload),
      onStatus: ({ status }) => {
        this.state = status === "connected" ? "connected" : "offline";
        this.changed();
      },
      onAwarenessChange: () => this.changed(),
      onUnsyncedChanges: () => this.changed(),
    });
    this.provider.attach();
    this.undoManager = new Y.UndoManager([this.doc.getXmlFragment(BODY_FRAGMENT), this.doc.getMap(FIELDS_MAP), this.doc.getMap(META_MAP)], {
      trackedOrigins: new Set<unknown>([ySyncPluginKey, TEAM_LOCAL]),
      deleteFilter: (item) => defaultDeleteFilter(item, defaultProtectedNodes),
      captureTransaction: (tr) => tr.meta.get("addToHistory") !== false,
    });
  }

  /** Connects and waits for the document and the server's word on who this member is. */
  static async open(address: TeamAddress, timeoutMs = 15_000): Promise<TeamConnection> {
    const connection = new TeamConnection(address);
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = window.setTimeout(
          () =>
            reject(
              new NianbaoError(
                "io_error",
                `无法连接到团队服务器 ${address.url}。请确认地址正确、服务器已启动（nianbao team-server），且本机能访问该地址。`,
                `cannot reach the team server at ${address.url}`,
              ),
            ),
          timeoutMs,
        );
        const ready = () => {
          if (connection.provider.isSynced && connection.user !== null) {
            window.clearTimeout(timer);
            resolve();
          }
        };
        connection.provider.on("synced", ready);
        connection.onChange(ready);
        connection.provider.on("authenticationFailed", () => {
          window.clearTimeout(timer);
          reject(
            new NianbaoError(
              "unauthorized",
              `团队服务器拒绝了连接：口令无效或已撤销，或没有“${address.document}”这份报告。`,
              "the team server refused the token or the document name",
            ),
          );
        });
      });
    } catch (error) {
      connection.close();
      throw error;
    }
    const user = connection.user as TeamIdentity | null;
    if (user !== null) {
      connection.provider.setAwarenessField("user", { name: user.name, role: user.role, color: colorOf(user.name) });
      connection.changedSinceLastOpen = connection.readChangesSinceLastOpen(user.name);
    }
    return connection;
  }

  /** Compares with the state kept at the last opening here, then keeps this one for the next. */
  private readChangesSinceLastOpen(me: string): ChangedBlock[] {
    const key = `nianbao.teamSeen:${this.address.url}|${this.address.document}|${me}`;
    const kept = localStorage.getItem(key);
    let changed: ChangedBlock[] = [];
    if (kept !== null) {
      try {
        const bytes = Uint8Array.from(atob(kept), (c) => c.charCodeAt(0));
        changed = changedSince(this.doc, Y.decodeStateVector(bytes), me);
      } catch {
        changed = [];
      }
    }
    localStorage.setItem(key, btoa(String.fromCharCode(...Y.encodeStateVector(this.doc))));
    return changed;
  }

  /** Everyone else with the report open now. */
  members(): TeamMember[] {
    const members: TeamMember[] = [];
    this.provider.awareness?.getStates().forEach((state, clientId) => {
      if (clientId === this.doc.clientID) return;
      const user: unknown = state["user"];
      if (typeof user !== "object" || user === null) return;
      const { name, role, color } = user as Record<string, unknown>;
      if (typeof name === "string" && typeof role === "string" && typeof color === "string") members.push({ clientId, name, role, color });
    });
    return members;
  }

  /** Changes typed here that the server has not confirmed yet (offline, or on their way). */
  unconfirmed(): number {
    return this.provider.unsyncedChanges;
  }

  /** Connected, and every change made here confirmed by the server. */
  allConfirmed(): boolean {
    return this.state === "connected" && this.unconfirmed() === 0;
  }

  /** Resolves once allConfirmed holds (at once, if it does now). */
  whenAllConfirmed(): Promise<void> {
    return new Promise((resolve) => {
      const stop = this.onChange(() => {
        if (!this.allConfirmed()) return;
        stop();
        resolve();
      });
      if (this.allConfirmed()) {
        stop();
        resolve();
      }
    });
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onRefused(listener: (zh: string) => void): () => void {
    this.refusals.add(listener);
    return () => this.refusals.delete(listener);
  }

  /** A sign-off step, done by the server as this member; resolves with the new state. */
  signOff(action: WorkflowStep, comment: string | null): Promise<string> {
    return this.ask({ type: "nianbao.workflow", action, comment });
  }

  /** The unit's rule that 拟稿人, 审核人 and 签发人 are different people, set by the server. */
  setDistinctPeople(on: boolean): Promise<string> {
    return this.ask({ type: "nianbao.distinctPeople", on });
  }

  private ask(message: ClientMessage): Promise<string> {
    if (this.pendingStep !== null)
      return Promise.reject(new NianbaoError("invalid_input", "上一个签核操作尚未完成。", "a sign-off step is in progress"));
    return new Promise((resolve, reject) => {
      this.pendingStep = { resolve, reject };
      this.provider.sendStateless(JSON.stringify(message));
    });
  }

  close(): void {
    this.provider.destroy();
    this.socket.destroy();
    this.pendingStep?.reject(new NianbaoError("io_error", "已断开团队服务器。", "disconnected"));
    this.pendingStep = null;
  }

  private receive(payload: string): void {
    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch {
      return;
    }
    const parsed = ServerMessage.safeParse(json);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case "nianbao.welcome":
        this.user = message.user;
        this.changed();
        return;
      case "nianbao.rejected":
        for (const listener of this.refusals) listener(message.zh);
        return;
      case "nianbao.workflow.done":
        this.pendingStep?.resolve(message.state);
        this.pendingStep = null;
        return;
      case "nianbao.error":
        if (this.pendingStep !== null) {
          this.pendingStep.reject(new NianbaoError("forbidden", message.zh, message.en));
          this.pendingStep = null;
        } else {
          for (const listener of this.refusals) listener(message.zh);
        }
        return;
    }
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
