/** A factor set as the factor forms offer it in their choices. */
export interface SetOption {
  id: string;
  label: string;
  active: boolean;
}
