/** The pass mark used when neither the step nor the scenario sets one. */
export const DEFAULT_PASS_MARK = 60;
