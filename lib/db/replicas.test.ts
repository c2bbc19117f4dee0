import { describe, expect, it } from "vitest";
import { isReplicaFailure, judgeReplica, lsnDiff } from "./replicas";

describe("replica health", () => {
  it("compares WAL positions across the 32-bit boundary", () => {
    expect(lsnDiff("1/0", "0/FFFFFFFF")).toBe(1n);
    expect(lsnDiff("16/B374D848", "16/B374D848")).toBe(0n);
    expect(lsnDiff("16/B374D000", "16/B374D848")).toBe(-0x848n);
  });

  it("a caught-up standby is fit whatever its last commit's age (an idle primary writes nothing)", () => {
    expect(
      judgeReplica({ inRecovery: true, replayLsn: "5/10", sinceReplayMs: 3_600_000, primaryLsn: "5/10" }, 5_000),
    ).toEqual({ healthy: true, lagMs: 0, reason: "caught up" });
  });

  it("a standby behind the primary is fit only while its last replayed commit is recent enough", () => {
    expect(
      judgeReplica({ inRecovery: true, replayLsn: "5/0", sinceReplayMs: 1_200, primaryLsn: "5/10" }, 5_000),
    ).toMatchObject({ healthy: true, lagMs: 1_200 });
    expect(
      judgeReplica({ inRecovery: true, replayLsn: "5/0", sinceReplayMs: 5_001, primaryLsn: "5/10" }, 5_000),
    ).toMatchObject({ healthy: false, lagMs: 5_001 });
    expect(
      judgeReplica({ inRecovery: true, replayLsn: "5/0", sinceReplayMs: null, primaryLsn: "5/10" }, 5_000),
    ).toMatchObject({ healthy: false });
  });

  it("a promoted or unreplayed server is never read as a replica", () => {
    expect(
      judgeReplica({ inRecovery: false, replayLsn: null, sinceReplayMs: null, primaryLsn: "5/10" }, 5_000).healthy,
    ).toBe(false);
    expect(
      judgeReplica({ inRecovery: true, replayLsn: null, sinceReplayMs: null, primaryLsn: "5/10" }, 5_000).healthy,
    ).toBe(false);
  });

  it("retries on the primary for connection loss and recovery conflicts, not for bad queries", () => {
    expect(
      isReplicaFailure(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5433"), { code: "ECONNREFUSED" })),
    ).toBe(true);
    expect(
      isReplicaFailure(
        Object.assign(new Error("canceling statement due to conflict with recovery"), { code: "40001" }),
      ),
    ).toBe(true);
    expect(
      isReplicaFailure(
        Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      ),
    ).toBe(true);
    expect(isReplicaFailure(Object.assign(new Error('relation "x" does not exist'), { code: "42P01" }))).toBe(false);
  });
});
