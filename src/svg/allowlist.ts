// What may stay in an SVG, by name (SPEC §5, §6). Anything not listed here is removed: an allowlist, never a denylist.

export type ProfileName = 'default' | 'kaggle';

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
export const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';

const words = (text: string) => new Set(text.trim().split(/\s+/));

/** Presentation attributes: also the CSS properties a style attribute or <style> rule may set. */
export const PRESENTATION = words(`
  alignment-baseline baseline-shift clip clip-path clip-rule color color-interpolation color-interpolation-filters
  color-rendering direction display dominant-baseline fill fill-opacity fill-rule filter flood-color flood-opacity
  font font-family font-size font-size-adjust font-stretch font-style font-variant font-weight image-rendering
  isolation letter-spacing lighting-color marker marker-end marker-mid marker-start mask mask-type mix-blend-mode
  opacity overflow paint-order pointer-events shape-rendering stop-color stop-opacity stroke stroke-dasharray
  stroke-dashoffset stroke-linecap stroke-linejoin stroke-miterlimit stroke-opacity stroke-width text-anchor
  text-decoration text-rendering transform transform-box transform-origin unicode-bidi vector-effect visibility
  white-space word-spacing writing-mode enable-background kerning font-kerning font-feature-settings
  font-variation-settings glyph-orientation-horizontal glyph-orientation-vertical background-color
  width height x y cx cy r rx ry d`);

/** Every other attribute the default profile keeps, on any allowed element. */
const DEFAULT_ATTRIBUTES = words(`
  id class style lang xml:lang xml:space tabindex role aria-label aria-labelledby aria-describedby aria-hidden
  version baseProfile width height viewBox preserveAspectRatio x y x1 y1 x2 y2 cx cy r rx ry fx fy fr d points
  pathLength href xlink:href xlink:title
  offset gradientUnits gradientTransform spreadMethod patternUnits patternContentUnits patternTransform
  markerUnits markerWidth markerHeight refX refY orient clipPathUnits maskUnits maskContentUnits
  filterUnits primitiveUnits in in2 result stdDeviation dx dy mode operator k1 k2 k3 k4 type values tableValues
  slope intercept amplitude exponent baseFrequency numOctaves seed stitchTiles scale xChannelSelector
  yChannelSelector radius kernelMatrix order divisor bias targetX targetY edgeMode kernelUnitLength preserveAlpha
  surfaceScale diffuseConstant specularConstant specularExponent azimuth elevation z pointsAtX pointsAtY pointsAtZ
  limitingConeAngle crossorigin systemLanguage requiredFeatures requiredExtensions
  textLength lengthAdjust startOffset method spacing side rotate
  attributeName attributeType begin dur end min max restart repeatCount repeatDur calcMode keyTimes keySplines
  keyPoints from to by additive accumulate path`);

const DEFAULT_ELEMENTS = words(`
  svg g defs symbol use title desc image switch
  path rect circle ellipse line polyline polygon text tspan textPath
  marker pattern linearGradient radialGradient stop clipPath mask style
  filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting
  feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feImage
  feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence
  animate animateTransform animateMotion mpath set`);

/** The "Drawing with LLMs" competition's rules: each element's own attributes, plus COMMON on all of them. */
const KAGGLE_COMMON = words(`
  id clip-path clip-rule color color-interpolation color-interpolation-filters color-rendering display fill
  fill-opacity fill-rule filter flood-color flood-opacity lighting-color marker-end marker-mid marker-start mask
  opacity paint-order stop-color stop-opacity stroke stroke-dasharray stroke-dashoffset stroke-linecap
  stroke-linejoin stroke-miterlimit stroke-opacity stroke-width transform`);

const KAGGLE_ELEMENTS: Record<string, Set<string>> = {
  svg: words('width height viewBox preserveAspectRatio'),
  g: words('viewBox'),
  defs: new Set(),
  symbol: words('viewBox x y width height'),
  use: words('x y width height href xlink:href'),
  marker: words('viewBox preserveAspectRatio refX refY markerUnits markerWidth markerHeight orient'),
  pattern: words('viewBox preserveAspectRatio x y width height patternUnits patternContentUnits patternTransform href xlink:href'),
  linearGradient: words('x1 x2 y1 y2 gradientUnits gradientTransform spreadMethod href xlink:href'),
  radialGradient: words('cx cy r fx fy fr gradientUnits gradientTransform spreadMethod href xlink:href'),
  stop: words('offset'),
  filter: words('x y width height filterUnits primitiveUnits'),
  feBlend: words('result in in2 mode'),
  feColorMatrix: words('result in type values'),
  feComposite: words('result in in2 operator k1 k2 k3 k4'),
  feFlood: words('result'),
  feGaussianBlur: words('result in stdDeviation edgeMode'),
  feMerge: words('result'),
  feMergeNode: words('result in'),
  feOffset: words('result in dx dy'),
  feTurbulence: words('result baseFrequency numOctaves seed stitchTiles type'),
  path: words('d'),
  rect: words('x y width height rx ry'),
  circle: words('cx cy r'),
  ellipse: words('cx cy rx ry'),
  line: words('x1 y1 x2 y2'),
  polyline: words('points'),
  polygon: words('points'),
};

/** Namespace declarations kept (with these exact values) on the root; every other one goes. */
export const NAMESPACE_DECLARATIONS: Record<string, string> = { xmlns: SVG_NAMESPACE, 'xmlns:xlink': XLINK_NAMESPACE };

/** Attributes whose value names another element; only a local `#id` (or, on <image>, a raster data: URL) may stay. */
export const HREF_ATTRIBUTES = new Set(['href', 'xlink:href']);

/** SMIL elements: whatever attribute they animate must itself be allowed, and never an href or a handler. */
export const ANIMATION_ELEMENTS = new Set(['animate', 'animateTransform', 'animateMotion', 'set']);

/** Elements dropped but whose children are kept (a link becomes a plain group). */
export const UNWRAPPED_ELEMENTS = new Set(['a']);

export interface ProfileRules {
  name: ProfileName;
  isElementAllowed(element: string): boolean;
  isAttributeAllowed(element: string, attribute: string): boolean;
  /** Raster `data:` images on <image> and <feImage>: allowed outside kaggle. */
  allowDataImages: boolean;
  /** Byte limit of the whole SVG (UTF-8), or undefined for none beyond the parser's cap. */
  maxBytes?: number;
}

export const DEFAULT_RULES: ProfileRules = {
  name: 'default',
  isElementAllowed: (element) => DEFAULT_ELEMENTS.has(element),
  isAttributeAllowed: (_element, attribute) => DEFAULT_ATTRIBUTES.has(attribute) || PRESENTATION.has(attribute),
  allowDataImages: true,
};

export const KAGGLE_RULES: ProfileRules = {
  name: 'kaggle',
  isElementAllowed: (element) => Object.hasOwn(KAGGLE_ELEMENTS, element),
  isAttributeAllowed: (element, attribute) => KAGGLE_COMMON.has(attribute) || (KAGGLE_ELEMENTS[element]?.has(attribute) ?? false),
  allowDataImages: false,
  maxBytes: 10_000,
};

export function rulesFor(profile: ProfileName = 'default'): ProfileRules {
  return profile === 'kaggle' ? KAGGLE_RULES : DEFAULT_RULES;
}
