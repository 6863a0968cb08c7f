import { groupLabel } from './group-label';
import type { GroupBy } from '../metrics/filters';
import type { FrequencyRow } from '../metrics/session-frequency';
import { numbers } from '../definitions/arithmetic';
import { FREQUENCY_BAND, FREQUENCY_BANDS, frequencyBand as bandIndex } from '../definitions/attendance';
import { heatmapCells, heatmapOptions, type HeatmapCell } from './heatmap';
import { OKABE_ITO } from './palette';

export const FREQUENCY_CHART = {
	title: 'Do clients come often enough? Sessions a month, by technique and condition',
	description: `Median sessions per client per month (30 days) over each client’s course, for clients with two or more visits. Colour shows where the median falls against the usual guidance of ${FREQUENCY_BAND.low}–${FREQUENCY_BAND.high} sessions a month.`,
	legend: 'Median sessions a month'
};

export const frequencyBand = (perMonth: number): string => FREQUENCY_BANDS[bandIndex(numbers, perMonth)];

export function frequencyCells(rows: readonly FrequencyRow[], minClients: number): HeatmapCell[] {
	return heatmapCells(rows, {
		x: (r) => r.technique,
		y: (r) => r.condition,
		value: (r) => r.medianPerMonth,
		clients: (r) => r.clients,
		format: (v) => v.toFixed(1),
		category: frequencyBand,
		minClients
	});
}

export function frequencyChartOptions(cells: HeatmapCell[], width: number, by: GroupBy = 'technique') {
	return heatmapOptions(cells, {
		width,
		xLabel: groupLabel(by, 'Main technique'),
		yLabel: 'Condition',
		legendLabel: FREQUENCY_CHART.legend,
		color: {
			type: 'ordinal',
			domain: [...FREQUENCY_BANDS],
			range: [OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.skyBlue]
		},
		darkAbove: Infinity,
		fillBy: 'category',
		ariaLabel: FREQUENCY_CHART.title
	});
}
