import { geoEqualEarth, geoPath } from 'd3-geo';
import { scaleThreshold } from 'd3-scale';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
// The Natural Earth boundaries (1:110m) are fetched as a separate file, only by pages with a map.
import worldUrl from 'world-atlas/countries-110m.json?url';
import type { MapClasses } from './classes.js';
import { useLang, useT } from '../i18n.js';
import { legendLayout, spreadMarks, WARNING_MARK } from './layout.js';
import { AXIS_TEXT, MAP_BORDER, NO_DATA_FILL, NO_DATA_HATCH, TEXT } from './palette.js';

type CountryFeature = Feature<Geometry, { name: string }>;

let worldPromise: Promise<CountryFeature[]> | undefined;

/** The countries of world-atlas' countries-110m, without Antarctica; fetched once per page load. */
function loadWorld(): Promise<CountryFeature[]> {
  worldPromise ??= fetch(worldUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`${String(response.status)} ${response.statusText}`);
      return response.json() as Promise<Topology<{ countries: GeometryCollection<{ name: string }> }>>;
    })
    .then((topology) => {
      const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
      return collection.features.filter((f) => f.id !== '010');
    })
    .catch((error: unknown) => {
      worldPromise = undefined;
      throw error;
    });
  return worldPromise;
}

/**
 * Natural Earth shapes that have no ISO numeric id in world-atlas, joined by name: Kosovo has
 * its own area code in the reference data; Somaliland and Northern Cyprus are drawn apart by
 * Natural Earth but reported within Somalia and Cyprus by every bundled source.
 */
const FEATURES_WITHOUT_ID: Record<string, string> = { Kosovo: 'XKX', Somaliland: 'SOM', 'N. Cyprus': 'CYP' };

export interface MapArea {
  code: string;
  name: string;
}

const WIDTH = 900;
const MAP_HEIGHT = 440;
/** The image's legend (the page's is HTML): its font, the height of its rows, its swatches. */
const LEGEND_FONT = 11;
const LEGEND_ROW = 18;
const LEGEND_SWATCH = 18;
/** The size in pixels of the ⚠ over a country whose value is to be checked. */
const MARK_SIZE = 12;
/** The white outline around a mark (its stroke width), which neighbouring marks keep clear of too. */
const MARK_HALO = 3;

/**
 * A world choropleth on Natural Earth boundaries (Equal Earth projection). Countries without a
 * value are grey and hatched, and the legend says so. Every country is a link (to its profile)
 * named "Philippines: 1,234"; hovering or focusing shows the same in a tooltip. For the keyboard
 * the map is one stop: Tab reaches one country, the arrow keys go through the countries with a
 * value in alphabetical order (Home, End: the first, the last), Enter opens one. The shapes stay
 * in the file's order, which is their painting order (Lesotho drawn over South Africa).
 */
const keyOf = (f: CountryFeature) => `${String(f.id ?? '')}-${f.properties.name}`;

export function WorldMap({
  values,
  areasByIsoNumeric,
  classes,
  label,
  description,
  formatValue,
  formatLegend,
  noDataLabel,
  legendLabel,
  hrefFor,
  onOpen,
  filledNote,
  flags,
}: {
  values: ReadonlyMap<string, number>;
  areasByIsoNumeric: ReadonlyMap<string, MapArea>;
  classes: MapClasses;
  label: string;
  description: string;
  formatValue: (value: number) => string;
  formatLegend: (value: number) => string;
  noDataLabel: string;
  legendLabel: string;
  hrefFor: (code: string) => string;
  onOpen: (code: string) => void;
  /** A sentence under the map saying how many countries on it have a value. */
  filledNote?: (filled: number, drawn: number) => string;
  /**
   * Countries whose value a note under the map warns about (code → what, "unusual corridor"):
   * marked ⚠ on the map, in the image too, and in their name and tooltip.
   */
  flags?: ReadonlyMap<string, string>;
}) {
  const id = useId();
  const [world, setWorld] = useState<CountryFeature[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [hover, setHover] = useState<{ code: string; x: number; y: number } | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const t = useT();
  const lang = useLang();

  useEffect(() => {
    let live = true;
    loadWorld().then(
      (features) => live && setWorld(features),
      (error: unknown) => live && setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, []);

  // Escape hides the tooltip, which may cover the neighbours, without moving the pointer or the
  // focus (WCAG 1.4.13); the next country hovered or focused shows it again.
  const showing = hover !== null;
  useEffect(() => {
    if (!showing) return;
    const hide = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') setHover(null);
    };
    document.addEventListener('keydown', hide);
    return () => {
      document.removeEventListener('keydown', hide);
    };
  }, [showing]);

  const path = useMemo(() => {
    if (!world) return null;
    const projection = geoEqualEarth().fitExtent(
      [
        [4, 4],
        [WIDTH - 4, MAP_HEIGHT - 4],
      ],
      { type: 'FeatureCollection', features: world },
    );
    return geoPath(projection);
  }, [world]);

  const colour = scaleThreshold<number, string>()
    .domain([...classes.thresholds])
    .range([...classes.colours]);
  const patternId = `${id}-nodata`.replace(/[^a-zA-Z0-9_-]/g, '');

  // The shapes and the marks' places, drawn once per map rather than at every move of the pointer
  // (the tooltip's state re-renders the map).
  const drawing = useMemo(() => {
    if (!world || !path) return null;
    const shapes = world.map((f) => {
      const area =
        (f.id !== undefined ? areasByIsoNumeric.get(String(f.id)) : undefined) ??
        (FEATURES_WITHOUT_ID[f.properties.name]
          ? { code: FEATURES_WITHOUT_ID[f.properties.name] ?? '', name: f.properties.name }
          : undefined);
      const value = area ? values.get(area.code) : undefined;
      const flag = area && value !== undefined ? flags?.get(area.code) : undefined;
      return { feature: f, area, value, flag, d: path(f) ?? '', centroid: path.centroid(f) };
    });
    // Neighbours' marks (Rwanda, Uganda and Kenya on the cost map) spread apart, the smaller country's moving.
    const flagged = shapes.filter((s) => s.flag);
    const places = spreadMarks(
      flagged.map((s) => ({ x: s.centroid[0], y: s.centroid[1], weight: path.area(s.feature) })),
      MARK_SIZE + MARK_HALO,
    );
    const flagMarks = flagged.map((s, i) => ({
      key: keyOf(s.feature),
      centroid: s.centroid,
      place: places[i] ?? { x: s.centroid[0], y: s.centroid[1] },
    }));
    return { shapes, flagMarks };
  }, [world, path, areasByIsoNumeric, values, flags]);

  if (failed) return <p className="alert">{failed}</p>;
  if (!drawing) return <div className="map__placeholder" aria-busy="true" />;
  const { shapes, flagMarks } = drawing;

  // The keyboard's order: the countries with a value, by name in the reader's language.
  const keyboardOrder = shapes
    .filter((s) => s.area && s.value !== undefined)
    .map((s) => ({ key: keyOf(s.feature), name: s.area?.name ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name, lang) || a.key.localeCompare(b.key))
    .map((s) => s.key);
  const tabStop = current !== null && keyboardOrder.includes(current) ? current : keyboardOrder[0];
  const drawn = shapes.filter((s) => s.area).length;
  const filled = new Set(shapes.filter((s) => s.value !== undefined).map((s) => s.area?.code)).size;
  const hovered = hover ? shapes.find((s) => s.area?.code === hover.code) : undefined;

  function showTooltip(code: string, x: number, y: number) {
    setHover({ code, x, y });
  }

  function handleMouseMove(event: MouseEvent<Element>, code: string) {
    const box = event.currentTarget.closest('svg')?.getBoundingClientRect();
    if (!box) return;
    showTooltip(code, ((event.clientX - box.left) / box.width) * 100, ((event.clientY - box.top) / box.height) * 100);
  }

  function handleFocus(key: string, code: string, centroid: [number, number]) {
    setCurrent(key);
    showTooltip(code, (centroid[0] / WIDTH) * 100, (centroid[1] / MAP_HEIGHT) * 100);
  }

  function handleKeyDown(event: KeyboardEvent<SVGSVGElement>) {
    const at = tabStop === undefined ? -1 : keyboardOrder.indexOf(tabStop);
    const last = keyboardOrder.length - 1;
    const next = {
      ArrowRight: Math.min(at + 1, last),
      ArrowDown: Math.min(at + 1, last),
      ArrowLeft: Math.max(at - 1, 0),
      ArrowUp: Math.max(at - 1, 0),
      Home: 0,
      End: last,
    }[event.key];
    if (next === undefined || last < 0) return;
    event.preventDefault();
    const key = keyboardOrder[next];
    if (key === undefined) return;
    setCurrent(key);
    svgRef.current?.querySelector<SVGAElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
  }

  function handleClick(event: MouseEvent<Element>, code: string) {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onOpen(code);
  }

  const legendItems = [
    ...classes.colours.map((c, i) => {
      const low = classes.thresholds[i - 1];
      const high = classes.thresholds[i];
      const text =
        low === undefined && high === undefined
          ? ''
          : low === undefined
            ? `< ${formatLegend(high ?? 0)}`
            : high === undefined
              ? `≥ ${formatLegend(low)}`
              : `${formatLegend(low)}–${formatLegend(high)}`;
      return { colour: c, text, noData: false };
    }),
    { colour: NO_DATA_FILL, text: noDataLabel, noData: true },
  ];
  // Each class takes the room its label needs (slots of one width let "US$ 380 m–US$ 820 m" run
  // over the next swatch), in rows that wrap at the map's width; the image grows to hold them all.
  const legend = legendLayout(
    legendItems.map((item) => item.text),
    WIDTH - 16,
    LEGEND_FONT,
    LEGEND_ROW,
    LEGEND_FONT + 3,
    LEGEND_SWATCH + 5,
  );
  // The map, a gap, the legend's title row, its classes' rows and a margin.
  const exportHeight = MAP_HEIGHT + 8 + LEGEND_ROW + legend.height + 4;

  return (
    <div className="map" data-filled={filled}>
      {/* NOTE: the legend is HTML on screen (readable at any width) and drawn into the SVG only
          for downloads: data-export-viewbox and data-export-only tell chartExport.ts. */}
      <div className="map__frame">
        <svg
          ref={svgRef}
          onKeyDown={handleKeyDown}
          viewBox={`0 0 ${String(WIDTH)} ${String(MAP_HEIGHT)}`}
          data-export-viewbox={`0 0 ${String(WIDTH)} ${String(exportHeight)}`}
          className="map__svg"
          role="group"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          fontFamily="inherit"
        >
          <title id={`${id}-title`}>{label}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          <defs>
            <pattern id={patternId} patternUnits="userSpaceOnUse" width={5} height={5} patternTransform="rotate(45)">
              <rect width={5} height={5} fill={NO_DATA_FILL} />
              <line x1={0} y1={0} x2={0} y2={5} stroke={NO_DATA_HATCH} strokeWidth={1} />
            </pattern>
          </defs>
          <rect width={WIDTH} height={MAP_HEIGHT} fill="#ffffff" />
          {shapes.map(({ feature: f, area, value, flag, d, centroid }) => {
            const fill = value === undefined ? `url(#${patternId})` : colour(value);
            const name = area?.name ?? f.properties.name;
            const text = `${name}${t.colon}${value === undefined ? noDataLabel : formatValue(value)}${flag ? ` ${WARNING_MARK} ${flag}` : ''}`;
            const key = keyOf(f);
            if (!area) {
              return (
                <path key={key} d={d} fill={fill} stroke={MAP_BORDER} strokeWidth={0.5}>
                  <title>{text}</title>
                </path>
              );
            }
            return (
              <a
                key={key}
                href={hrefFor(area.code)}
                aria-label={text}
                className="map__country"
                data-key={key}
                data-filled={value === undefined ? undefined : 'true'}
                tabIndex={key === tabStop ? 0 : -1}
                onClick={(event) => handleClick(event, area.code)}
                onMouseMove={(event) => handleMouseMove(event, area.code)}
                onMouseLeave={() => setHover(null)}
                onFocus={() => handleFocus(key, area.code, centroid)}
                onBlur={() => setHover(null)}
              >
                <path d={d} fill={fill} stroke={MAP_BORDER} strokeWidth={0.5} />
              </a>
            );
          })}
          {/* The marks over the shapes, so that a neighbour drawn later does not hide one. */}
          {flagMarks.map(({ key, centroid, place }) => (
            <g key={key} aria-hidden="true" pointerEvents="none" data-flag-mark="">
              {/* A mark pushed off its country by a neighbour's points back to it. */}
              {Math.hypot(place.x - centroid[0], place.y - centroid[1]) > MARK_SIZE / 4 && (
                <line x1={centroid[0]} y1={centroid[1]} x2={place.x} y2={place.y} stroke={TEXT} strokeWidth={1} />
              )}
              <text
                x={place.x}
                y={place.y}
                fontSize={MARK_SIZE}
                textAnchor="middle"
                dominantBaseline="central"
                fill={TEXT}
                stroke="#ffffff"
                strokeWidth={MARK_HALO}
                paintOrder="stroke"
              >
                {WARNING_MARK}
              </text>
            </g>
          ))}
          <g aria-hidden="true" display="none" data-export-only="" transform={`translate(8,${String(MAP_HEIGHT + 8)})`}>
            <text x={0} y={10} fontSize={LEGEND_FONT} fill={AXIS_TEXT}>
              {legendLabel}
            </text>
            {legendItems.map((item, i) => {
              const place = legend.items[i] ?? { x: 0, y: 0, lines: [item.text] };
              return (
                <g key={item.text} transform={`translate(${String(place.x)},${String(LEGEND_ROW + place.y)})`}>
                  <rect
                    width={LEGEND_SWATCH}
                    height={12}
                    fill={item.noData ? `url(#${patternId})` : item.colour}
                    stroke="#9ca3af"
                    strokeWidth={0.5}
                  />
                  <text y={10} fontSize={LEGEND_FONT} fill={TEXT}>
                    {place.lines.map((line, k) => (
                      <tspan key={k} x={LEGEND_SWATCH + 5} dy={k === 0 ? 0 : LEGEND_FONT + 3}>
                        {line}
                      </tspan>
                    ))}
                  </text>
                </g>
              );
            })}
          </g>
        </svg>
        {hovered?.area && hover && (
          <div
            className="map__tooltip"
            aria-hidden="true"
            style={{ left: `${String(hover.x)}%`, top: `${String(hover.y)}%` }}
          >
            <strong>{hovered.area.name}</strong>
            <br />
            {hovered.value === undefined ? noDataLabel : formatValue(hovered.value)}
            {hovered.flag && ` ${WARNING_MARK} ${hovered.flag}`}
          </div>
        )}
      </div>
      <div className="map__legend">
        <p className="map__legend-title">{legendLabel}</p>
        <ul className="legend" aria-label={legendLabel}>
          {legendItems.map((item) => (
            <li key={item.text}>
              <span
                className={item.noData ? 'legend__swatch legend__swatch--nodata' : 'legend__swatch'}
                aria-hidden="true"
                style={item.noData ? undefined : { background: item.colour, borderColor: '#9ca3af' }}
              />
              {item.text}
            </li>
          ))}
        </ul>
      </div>
      {filledNote && <p className="chart__note">{filledNote(filled, drawn)}</p>}
    </div>
  );
}
