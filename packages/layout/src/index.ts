export * from './geometry.ts';
export {
  LAYOUT_GAP_X,
  LAYOUT_GAP_Y,
  layoutDesign,
  layoutDesignSync,
  needsLayout,
  type LayoutDesignOptions,
} from './layoutDesign.ts';
export { pictureProblems } from './picture.ts';
