import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { NOT_BUILT_PAGE, WORKBENCH_DIST, workbenchAnswer } from './workbench-files';

/**
 * The officers' workbench is a built single-page app; its scripts and styles come from this origin,
 * Ant Design writes its styles into <style> elements at run time.
 */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; " +
  "form-action 'self'";

/**
 * The workbench (工作台, issue #18 item 1) at GET /workbench/: the files `vite build` wrote to
 * packages/workbench/dist, every other path of the app answered with its index.html (the app routes
 * itself), and a bilingual page saying how to build it when it was not built. These routes are
 * public like the dashboard's files (no access metadata): the data comes from the API's own routes,
 * which need the session cookie, a key or a token.
 */
@Controller('workbench')
export class WorkbenchController {
  @Get()
  root(@Req() req: Request, @Res() res: Response): void {
    // The app's URLs are relative to /workbench/: the bare path moves there.
    if (!req.path.endsWith('/')) {
      res.redirect(301, '/workbench/');
      return;
    }
    this.answer('', res);
  }

  @Get('*path')
  file(@Req() req: Request, @Res() res: Response): void {
    this.answer(req.path.replace(/^\/workbench\/?/, ''), res);
  }

  private answer(sub: string, res: Response): void {
    const answer = workbenchAnswer(WORKBENCH_DIST, sub);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    switch (answer.kind) {
      case 'file':
        res.setHeader('Cache-Control', answer.cache);
        res.sendFile(answer.file);
        return;
      case 'page':
        res.setHeader('Content-Security-Policy', CSP);
        res.setHeader('Cache-Control', 'no-cache');
        res.type('html').sendFile(answer.file);
        return;
      case 'not-found':
        res.status(404).type('text/plain; charset=utf-8').send('未找到 / Not found');
        return;
      case 'not-built':
        res.setHeader('Cache-Control', 'no-store');
        res.status(503).type('html').send(NOT_BUILT_PAGE);
        return;
    }
  }
}
