// cytoscape-cola ships no types; it is a Cytoscape extension registered with cytoscape.use().
declare module "cytoscape-cola" {
  import type { Ext } from "cytoscape";
  const register: Ext;
  export default register;
}
