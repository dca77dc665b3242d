import { Module } from '@nestjs/common';
import { AccountsController } from './accounts.controller';
import { OidcSignIn } from './oidc-sign-in';
import { SessionController } from './session.controller';

/**
 * People's sign-in and the accounts an administrator manages (issue #18 item 1). The SignIn service
 * itself is in the core (the Authenticator looks sessions up with it).
 */
@Module({ controllers: [SessionController, AccountsController], providers: [OidcSignIn] })
export class AccountsModule {}
