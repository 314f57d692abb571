// nl-sh's own risk gate on a proposal, before anything runs: the level and the action the default
// policy takes, with the fixture as the known filesystem. Recorded, never used to skip a task:
// every proposal runs only inside the evaluation sandbox anyway.

/** A gate loaded from nl-sh's dist: `judge(command, cwd, home)` → { level, action }. */
export async function loadGate(dist) {
  const risk = await import(`${dist}/risk/index.js`);
  const classifier = await risk.loadRiskClassifier();
  return {
    judge(command, cwd, home) {
      const assessment = classifier.assess(command, { fs: risk.createFsFacts({ cwd, home }) });
      return { level: assessment.level, action: risk.decideAction(assessment, risk.defaultPolicy).action };
    },
  };
}
