// The public face of src/planner (filled in by its issue).
export {};
