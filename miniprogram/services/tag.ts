/** The TDesign tag themes the pages colour states and outcomes with. */
export type TagTheme = 'default' | 'primary' | 'success' | 'warning' | 'danger';
