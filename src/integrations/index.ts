// The public face of src/integrations (filled in by its issue).
export {};
