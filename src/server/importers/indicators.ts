import type { IndicatorDef } from '../stats/model.js';
import { MIGRANT_STOCK } from './undesa-ims.js';

/**
 * The indicator catalogue: every importer declares its observations against these ids, so the
 * analytics and SDMX layers can rely on them. Values keep the unit the publisher printed (no
 * silent rescaling): KNOMAD in US$ millions, WDI in current US$.
 */
export const INDICATORS = {
  migrantStock: MIGRANT_STOCK,
  migrantStockTotal: {
    id: 'migrant_stock_total',
    name: 'International migrant stock, total by destination',
    unit: 'persons',
    description:
      'All international migrants living in the reference area, as published by UN DESA by destination (countries and UN aggregates).',
    measureType: 'stock',
    topic: 'migration',
  },
  populationThousands: {
    id: 'population_thousands',
    name: 'Total population (UN DESA)',
    unit: 'thousands of persons',
    description: 'Total population at mid-year, as published with the international migrant stock.',
    measureType: 'stock',
    topic: 'population',
  },
  migrantShare: {
    id: 'migrant_share_pct',
    name: 'International migrants as a share of the population',
    unit: 'percent',
    description: 'International migrant stock as a percentage of the total population, as published by UN DESA.',
    measureType: 'rate',
    topic: 'migration',
    weightedBy: 'population_thousands',
  },
  remittanceBilateral: {
    id: 'remittance_bilateral_usd_m',
    name: 'Bilateral remittance estimate',
    unit: 'US$ millions',
    description: 'Estimated remittances sent from the counterpart area (sending) to the reference area (receiving).',
    measureType: 'flow',
    topic: 'remittances',
  },
  remittanceInflowsKnomad: {
    id: 'remittance_inflows_usd_m',
    name: 'Remittance inflows (KNOMAD)',
    unit: 'US$ millions',
    description:
      'Personal remittances received, as estimated by the World Bank/KNOMAD (includes estimates for missing reporters).',
    measureType: 'flow',
    topic: 'remittances',
  },
  remittanceInflowsPctGdpKnomad: {
    id: 'remittance_inflows_pct_gdp',
    name: 'Remittance inflows, share of GDP (KNOMAD)',
    unit: 'percent of GDP',
    description:
      'Remittance inflows as a percentage of GDP, as printed by the World Bank/KNOMAD for its latest year (GDP from the IMF World Economic Outlook).',
    measureType: 'rate',
    topic: 'remittances',
  },
  remittancesReceived: {
    id: 'remittances_received_usd',
    name: 'Personal remittances, received (WDI BX.TRF.PWKR.CD.DT)',
    unit: 'current US$',
    description: 'Personal transfers and compensation of employees received, World Development Indicators.',
    measureType: 'flow',
    topic: 'remittances',
  },
  remittancesPaid: {
    id: 'remittances_paid_usd',
    name: 'Personal remittances, paid (WDI BM.TRF.PWKR.CD.DT)',
    unit: 'current US$',
    description: 'Personal transfers and compensation of employees paid, World Development Indicators.',
    measureType: 'flow',
    topic: 'remittances',
  },
  fdiInflows: {
    id: 'fdi_inflows_usd',
    name: 'Foreign direct investment, net inflows (WDI BX.KLT.DINV.CD.WD)',
    unit: 'current US$',
    description: 'Net inflows of investment to acquire a lasting management interest, World Development Indicators.',
    measureType: 'flow',
    topic: 'finance',
  },
  fdiOutflows: {
    id: 'fdi_outflows_usd',
    name: 'Foreign direct investment, net outflows (WDI BM.KLT.DINV.CD.WD)',
    unit: 'current US$',
    description: 'Net outflows of direct investment, World Development Indicators.',
    measureType: 'flow',
    topic: 'finance',
  },
  gdp: {
    id: 'gdp_usd',
    name: 'GDP (WDI NY.GDP.MKTP.CD)',
    unit: 'current US$',
    description: 'Gross domestic product at purchaser prices, current US$, World Development Indicators.',
    measureType: 'flow',
    topic: 'economy',
  },
  population: {
    id: 'population',
    name: 'Population, total (WDI SP.POP.TOTL)',
    unit: 'persons',
    description: 'Total population, World Development Indicators.',
    measureType: 'stock',
    topic: 'population',
  },
  odaReceived: {
    id: 'oda_received_usd_m',
    name: 'Net ODA received from all donors (OECD DAC2A)',
    unit: 'US$ millions',
    description: 'Official development assistance, net disbursements from all donors, current prices.',
    measureType: 'flow',
    topic: 'finance',
  },
  remittanceCost: {
    id: 'remittance_cost_pct',
    name: 'Average total cost of sending remittances',
    unit: 'percent of amount sent',
    description:
      'Average total cost (fees and exchange-rate margin) of sending money from the counterpart area (sending) to the reference area (receiving), as a percentage of the amount sent (dimension amount: 200 or 500 US$). SDG target 10.c: below 3% on average, no corridor above 5%.',
    measureType: 'rate',
    topic: 'remittances',
  },
  remittanceFxMargin: {
    id: 'remittance_fx_margin_pct',
    name: 'Exchange-rate margin on remittances',
    unit: 'percent of amount sent',
    description:
      'Average foreign-exchange margin in the corridor, as a percentage of the amount sent (dimension amount).',
    measureType: 'rate',
    topic: 'remittances',
  },
  remittanceProviders: {
    id: 'remittance_providers',
    name: 'Remittance service providers surveyed in the corridor',
    unit: 'providers',
    description: 'Number of providers whose prices were collected in the corridor and quarter.',
    measureType: 'rate',
    topic: 'remittances',
  },
  forciblyDisplaced: {
    id: 'forcibly_displaced',
    name: 'Forcibly displaced and stateless people (UNHCR)',
    unit: 'persons',
    description:
      'People under UNHCR’s mandate by country of asylum (reference area) and origin (counterpart area); dimension group: refugee, asylum seeker, returned refugee, IDP, returned IDP, stateless, other.',
    measureType: 'stock',
    topic: 'displacement',
  },
  diocEmigrants: {
    id: 'dioc_emigrants',
    name: 'Emigrants living in OECD countries (DIOC 2015/16)',
    unit: 'persons',
    description:
      'Foreign-born population of OECD countries by country of birth (reference area: country of birth), with dimensions such as education level, labour-force status, age and duration of stay.',
    measureType: 'stock',
    topic: 'migration',
  },
} as const satisfies Record<string, IndicatorDef>;

/** Rate → the indicator weighting its means over several areas (see IndicatorDef.weightedBy). */
export const RATE_WEIGHTS: ReadonlyMap<string, string> = new Map(
  Object.values(INDICATORS as Record<string, IndicatorDef>).flatMap((d) =>
    d.weightedBy ? [[d.id, d.weightedBy] as const] : [],
  ),
);
