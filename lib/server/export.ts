import "server-only";
/**
 * /api/export: one view of the network in a file format, or the whole store as a bundle. The
 * network is built once (export-network.ts); each format only writes it out.
 */
import { exportFileName } from "../export/context";
import { edgesCsv, nodesCsv } from "../export/csv";
import { toCytoscapeJson } from "../export/cytoscape-json";
import { toGEXF } from "../export/gexf";
import { toGraphML } from "../export/graphml";
import type { ExportQuery } from "../schemas/query";
import { bundleText, exportBundle } from "./dataset-bundle";
import { db } from "./db";
import { buildExportNetwork } from "./export-network";
import { getLayoutPositions } from "./layout";
import type { FileAnswer } from "./respond";

export async function exportFile(q: ExportQuery): Promise<FileAnswer> {
  const { format, table, ...view } = q;
  if (format === "bundle") {
    return { body: bundleText(await exportBundle(db)), contentType: "application/json; charset=utf-8", fileName: exportFileName("", "bundle") };
  }
  const net = await buildExportNetwork(view);
  const stem = net.context.fileStem;
  switch (format) {
    case "graphml":
      return { body: toGraphML(net), contentType: "application/graphml+xml; charset=utf-8", fileName: exportFileName(stem, "graphml") };
    case "gexf":
      return { body: toGEXF(net), contentType: "application/gexf+xml; charset=utf-8", fileName: exportFileName(stem, "gexf") };
    case "csv":
      return table === "actors"
        ? { body: nodesCsv(net), contentType: "text/csv; charset=utf-8", fileName: exportFileName(stem, "nodes-csv") }
        : { body: edgesCsv(net), contentType: "text/csv; charset=utf-8", fileName: exportFileName(stem, "edges-csv") };
    case "json": {
      // Positions are the explorer's: the stored layout, settled over the whole network, whatever the view.
      const positions = await getLayoutPositions();
      return {
        body: `${JSON.stringify(toCytoscapeJson(net, positions), null, 2)}\n`,
        contentType: "application/json; charset=utf-8",
        fileName: exportFileName(stem, "json"),
      };
    }
  }
}
